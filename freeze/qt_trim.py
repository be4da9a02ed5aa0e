"""Which Qt plugins, libraries and translations go into the bundle (used by build.spec).

PyInstaller's Qt hooks collect whole plugin folders (Wayland, EGLFS, VNC, the QML virtual
keyboard, TLS backends, SVG, TIFF, WebP, GTK themes …) and then scan each plugin for the system
libraries it links (GTK, cairo, …). The hooks in freeze/hooks/ filter with :func:`wanted`
*before* that scan, so the libraries of a dropped plugin never come along; build.spec filters
the finished analysis with it once more.
"""

from __future__ import annotations

import platform
import re

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

WINDOWS = platform.system() == "Windows"

#: Qt plugins kept, by plugin folder (a regular expression for the file name).
PLUGINS_KEPT = {
    # The screen: Windows itself; X11 on Linux; offscreen for CI and a headless self-test.
    "platforms": r"q(windows|offscreen)\.dll" if WINDOWS else r"libq(xcb|offscreen)\.so",
    # The Windows 10/11 look ("windows11"/"windowsvista" styles live in this plugin).
    "styles": r".*",
    # JPEG and GIF: letterhead logo and attachments (PNG and BMP are built into QtGui).
    "imageformats": r"(lib)?q(jpeg|gif)\.(dll|so)",
    # Windows printing is inside Qt6PrintSupport itself; this folder holds only the Linux CUPS
    # backend, which brings ~9 MB of system libraries (GnuTLS, Kerberos, …). The office PCs
    # are Windows; the Linux bundle is CI's smoke build, where printing to a PDF file (the
    # self-test's print step) needs no backend.
    "printsupport": r".*\.dll",
    # Linux keyboard input: dead keys (compose) and IBus; not the QML virtual keyboard.
    "platforminputcontexts": r"lib(compose|ibus)platforminputcontextplugin\.so",
    # X11 with GLX/EGL, which the xcb plugin probes for.
    "xcbglintegrations": r".*",
}

#: Qt libraries that only dropped plugins or excluded modules link against. libQt6Network
#: stays (libQt6Pdf links it), and so does libQt6DBus (QtGui links it on Linux).
QT_LIBS_DROPPED = re.compile(
    r"(^|/)(lib)?Qt6(Qml|Quick|VirtualKeyboard|Svg|Wayland|WlShell|EglFS|EglFs|OpenGL|Labs|"
    r"Lottie|Designer|Help|Test|UiTools|Sql|Concurrent|Xml|ShaderTools)\w*\.(so|dll)",
    re.IGNORECASE)

#: Linux base-system libraries that Qt, D-Bus and Kerberos (via libQt6Network) link: present
#: on every desktop Linux that can show a Qt window, and tied to the host's systemd/D-Bus
#: versions anyway, so the host's own copies are the right ones (about 6 MB).
LINUX_BASE_LIBS = re.compile(
    r"(^|/)lib(systemd|gcrypt|gpg-error|krb5|krb5support|gssapi_krb5|k5crypto|keyutils|com_err|"
    r"cap|lz4|glib-2\.0|gthread-2\.0|pcre2-8|dbus-1|bsd|md)\.so[.\d]*$")

_PLUGIN = re.compile(r"(^|/)plugins/(?P<kind>[^/]+)/(?P<file>[^/]+)$")


def wanted(dest: str) -> bool:
    """Keep this file? ``dest`` is its path inside the bundle."""
    path = dest.replace("\\", "/")
    if "PySide6" not in path:
        return WINDOWS or not LINUX_BASE_LIBS.search(path)
    if "/translations/" in path:
        return False  # Qt's own .qm files: none is Indonesian, and the UI is Indonesian
    if QT_LIBS_DROPPED.search(path):
        return False
    plugin = _PLUGIN.search(path)
    if plugin is None:
        return True
    keep = PLUGINS_KEPT.get(plugin["kind"])
    return keep is not None and re.fullmatch(keep, plugin["file"]) is not None


def _dest(entry: tuple[str, str]) -> str:
    source, folder = entry
    return f"{folder}/{source.replace(chr(92), '/').rsplit('/', 1)[-1]}"


def collect(hook_file: str) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """What PyInstaller's own hook for this PySide6 module collects, minus what we drop."""
    hidden, binaries, datas = add_qt6_dependencies(hook_file)
    return (hidden, [entry for entry in binaries if wanted(_dest(entry))],
            [entry for entry in datas if wanted(_dest(entry))])
