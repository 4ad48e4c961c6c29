import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache.App

// Always visible: what is waiting to be sent. Without a server the device works offline and
// says so; the count of pending changes tells the user nothing is lost.
RowLayout {
    id: indicator

    readonly property int pending: Backend.pendingCount
    spacing: 4
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text

    Rectangle {
        width: 10
        height: 10
        radius: 5
        color: "#9e9e9e"
    }
    Label {
        id: label
        text: indicator.pending > 0
              ? qsTr("Offline · %n change(s) waiting", "", indicator.pending)
              : qsTr("Offline · all saved on this device")
        font.pixelSize: 12
        elide: Label.ElideRight
        Layout.maximumWidth: 260
    }
}
