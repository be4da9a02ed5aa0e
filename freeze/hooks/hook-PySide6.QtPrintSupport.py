# PyInstaller's own hook for this module, with the Qt plugins and translations the app does
# not use left out before their libraries are scanned (freeze/qt_trim.py says which).
from qt_trim import collect

hiddenimports, binaries, datas = collect(__file__)
