import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache

// One follow-up after return: what, when it is due, who owns it, of which mission, its state.
ItemDelegate {
    id: row

    required property string recordId
    required property string title
    required property string missionId
    required property string missionTitle
    required property string ownerName
    required property string dueDate
    required property string state
    required property string stateLabel
    required property string linked
    required property int index
    signal activated()

    height: Math.max(Style.touch + 16, content.implicitHeight + 16)
    Accessible.name: title
    Accessible.description: stateLabel
    onClicked: row.activated()
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
                objectName: "linked"
                visible: row.linked !== ""
                // Titles come from others: never read as rich text.
                text: row.linked
                textFormat: Text.PlainText
                opacity: 0.75
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            Label {
                text: [row.dueDate !== "" ? qsTr("Due %1").arg(row.dueDate) : qsTr("No due date"),
                       row.ownerName, row.missionTitle].join(" · ")
                textFormat: Text.PlainText
                opacity: 0.75
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
        Label {
            objectName: "stateChip"
            text: row.stateLabel
            font.pixelSize: 12
            padding: 4
            leftPadding: 8
            rightPadding: 8
            color: "white"
            background: Rectangle {
                radius: height / 2
                color: row.state === "overdue" ? "#c62828"
                     : row.state === "done" ? "#2e7d32"
                     : row.state === "due" ? "#1976d2" : "#757575"
            }
        }
    }
}
