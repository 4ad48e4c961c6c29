pragma Singleton
import QtQuick
import Attache.App

// Sizes shared by every page: touch targets of at least 48 px, one spacing scale; the error
// colour for the current theme.
QtObject {
    readonly property int spacing: 8
    readonly property int margin: 16
    readonly property int touch: 48
    readonly property int sidePane: 380
    readonly property int wideThreshold: 900
    readonly property int formWidth: 640
    /// Error text: a red that keeps a 4.5:1 contrast on the light and on the dark background.
    readonly property color error: Preferences.theme === "dark" ? "#ef5350" : "#c62828"
}
