# ASL parser and serializer (core/asl/Parser.cpp, ModelReader.cpp, ModelWriter.cpp, Yaml*.cpp).
stepwise_add_qtest(tst_parser
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_parser.cpp
    LIBS stepwise::core)
stepwise_add_qtest(tst_serializer_roundtrip
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_serializer_roundtrip.cpp
    LIBS stepwise::core)
