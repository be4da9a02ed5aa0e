; Inno Setup script: a per-user installer for the Posko PPKS bundle. Optional, not built in CI.
;
; Why per-user: office staff have no admin rights. This installer needs none
; (PrivilegesRequired=lowest): it installs into %LOCALAPPDATA%\Programs\Posko PPKS, adds
; Start-menu (and, if ticked, desktop) shortcuts for the current user, and writes nothing to
; HKLM, Program Files or system folders. No services, no drivers, no network.
;
; Build (on Windows, after `.venv\Scripts\pyinstaller build.spec` made dist\posko\):
;   1. Install Inno Setup 6 (https://jrsoftware.org/isinfo.php; the installer of Inno Setup
;      itself needs admin once, on the IT staff's build PC, not on the office PCs).
;   2. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\posko.iss
;   3. The installer lands in dist\installer\PoskoPPKS-<version>-setup.exe.
; The version is read from posko.exe's version resource, which build.spec writes from
; app/__init__.py's __version__: there is still only one place to change it.
;
; The vault is NOT in the install folder: it lives in %LOCALAPPDATA%\PoskoPPKS\PoskoPPKS
; (app/paths.py), so uninstalling or upgrading never touches case data. Deleting a vault is
; a decision for the koordinator (pemusnahan), never a side effect of an uninstall.
;
; The exe is unsigned unless the office has a code-signing certificate: Windows SmartScreen
; then shows "Windows protected your PC" -> "More info" -> "Run anyway" on first start.

#define AppName "Posko PPKS"
#define AppExe "posko.exe"
#define BundleDir AddBackslash(SourcePath) + "..\dist\posko"
#define AppVersion GetVersionNumbersString(BundleDir + "\" + AppExe)

[Setup]
; A fixed id: upgrades replace the previous install instead of adding a second one.
AppId={{6C1F3B0E-8E57-4C55-9E7A-5D0F4B1C2A77}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=Posko PPKS
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user, no admin rights, no elevation prompt.
PrivilegesRequired=lowest
OutputDir=..\dist\installer
OutputBaseFilename=PoskoPPKS-{#AppVersion}-setup
SetupIconFile=..\resources\icons\posko.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern

[Languages]
; Inno Setup ships no Indonesian wizard text; an unofficial Indonesian.isl (Inno Setup's
; translations page) can replace Default.isl here once IT staff have checked it.
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "Buat pintasan di desktop"; Flags: unchecked

[Files]
; The whole PyInstaller folder: posko.exe, posko-admin.exe and _internal\.
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
; Offer to start the app at the end (the setup wizard runs on a PC without a vault).
Filename: "{app}\{#AppExe}"; Description: "Jalankan {#AppName}"; Flags: nowait postinstall skipifsilent
