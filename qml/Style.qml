pragma Singleton
import QtQuick

// Sizes shared by every page: touch targets of at least 48 px, one spacing scale.
QtObject {
    readonly property int spacing: 8
    readonly property int margin: 16
    readonly property int touch: 48
    readonly property int sidePane: 380
    readonly property int wideThreshold: 900
    readonly property int formWidth: 640
}
