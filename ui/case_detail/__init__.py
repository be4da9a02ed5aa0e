"""Detail kasus: the header, the tabs, their models, the action dialogs and the viewer."""
