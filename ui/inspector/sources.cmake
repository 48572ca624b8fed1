# The inspector: typed forms for the selected state and the machine's own fields.
target_sources(stepwise_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/FieldSpec.h
    ${CMAKE_CURRENT_LIST_DIR}/FieldWidget.cpp ${CMAKE_CURRENT_LIST_DIR}/FieldWidget.h
    ${CMAKE_CURRENT_LIST_DIR}/FieldForm.cpp ${CMAKE_CURRENT_LIST_DIR}/FieldForm.h
    ${CMAKE_CURRENT_LIST_DIR}/JsonEdit.cpp ${CMAKE_CURRENT_LIST_DIR}/JsonEdit.h
    ${CMAKE_CURRENT_LIST_DIR}/ObjectListEditor.cpp ${CMAKE_CURRENT_LIST_DIR}/ObjectListEditor.h
    ${CMAKE_CURRENT_LIST_DIR}/ChoiceOperators.cpp ${CMAKE_CURRENT_LIST_DIR}/ChoiceOperators.h
    ${CMAKE_CURRENT_LIST_DIR}/ChoiceRuleModel.cpp ${CMAKE_CURRENT_LIST_DIR}/ChoiceRuleModel.h
    ${CMAKE_CURRENT_LIST_DIR}/ChoiceRulesEditor.cpp ${CMAKE_CURRENT_LIST_DIR}/ChoiceRulesEditor.h
    ${CMAKE_CURRENT_LIST_DIR}/JsonataAssist.cpp ${CMAKE_CURRENT_LIST_DIR}/JsonataAssist.h
    ${CMAKE_CURRENT_LIST_DIR}/JsonataAssistLabel.cpp ${CMAKE_CURRENT_LIST_DIR}/JsonataAssistLabel.h
    ${CMAKE_CURRENT_LIST_DIR}/JsonataHighlighter.cpp ${CMAKE_CURRENT_LIST_DIR}/JsonataHighlighter.h
    ${CMAKE_CURRENT_LIST_DIR}/FieldFocus.cpp ${CMAKE_CURRENT_LIST_DIR}/FieldFocus.h
    ${CMAKE_CURRENT_LIST_DIR}/StateForms.cpp ${CMAKE_CURRENT_LIST_DIR}/StateForms.h
    ${CMAKE_CURRENT_LIST_DIR}/InspectorPanel.cpp ${CMAKE_CURRENT_LIST_DIR}/InspectorPanel.h)
