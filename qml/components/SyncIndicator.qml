import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache.App

// Always visible: what is waiting to be sent. Without a server the device works offline and
// says so; the count of pending changes tells the user nothing is lost.
RowLayout {
    id: indicator

    readonly property int pending: Backend.pendingCount
    property bool compact: false
    spacing: 4
    Accessible.role: Accessible.StaticText
    readonly property string fullText: pending > 0
        ? qsTr("Offline · %n change(s) waiting", "", pending)
        : qsTr("Offline · all saved on this device")
    Accessible.name: fullText
    ToolTip.visible: hover.hovered
    ToolTip.text: fullText

    HoverHandler {
        id: hover
    }

    Rectangle {
        width: 10
        height: 10
        radius: 5
        color: "#9e9e9e"
    }
    Label {
        id: label
        text: indicator.compact ? (indicator.pending > 0 ? "" + indicator.pending : "") : indicator.fullText
        font.pixelSize: 12
        elide: Label.ElideRight
        Layout.maximumWidth: 260
    }
}
