import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache

// One record in a list: title, a line of detail, its status; a menu (or Delete key) deletes.
ItemDelegate {
    id: row

    required property string recordId
    required property string kind
    required property string title
    required property string subtitle
    required property string status
    required property string statusLabel
    required property int index
    signal activated()
    signal deleteRequested()

    height: Math.max(Style.touch + 16, content.implicitHeight + 16)
    Accessible.name: title
    Accessible.description: subtitle
    onClicked: row.activated()
    Keys.onDeletePressed: row.deleteRequested()
    Keys.onReturnPressed: row.activated()

    contentItem: RowLayout {
        id: content
        spacing: Style.spacing
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label {
                text: row.title
                textFormat: Text.PlainText
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: row.subtitle
                textFormat: Text.PlainText
                visible: text !== ""
                opacity: 0.75
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        StatusChip {
            status: row.status
            statusLabel: row.statusLabel
        }
        ToolButton {
            text: "⋮"
            Accessible.name: qsTr("Actions for %1").arg(row.title)
            onClicked: actions.open()
            Menu {
                id: actions
                MenuItem {
                    text: qsTr("Edit")
                    onTriggered: row.activated()
                }
                MenuItem {
                    text: qsTr("Delete")
                    onTriggered: row.deleteRequested()
                }
            }
        }
    }
}
