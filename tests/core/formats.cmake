# SAM / CloudFormation / Serverless Framework export and import (core/formats).
stepwise_add_qtest(tst_formats
    SOURCES ${CMAKE_CURRENT_SOURCE_DIR}/tst_formats.cpp
    LIBS stepwise::core)
