import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache

// A search hit: what kind of record it is and its title.
ItemDelegate {
    id: row

    required property string recordId
    required property string kind
    required property string kindLabel
    required property string title
    required property string missionId
    signal activated()

    height: Style.touch + 8
    Accessible.name: kindLabel + ": " + title
    onClicked: row.activated()
    Keys.onReturnPressed: row.activated()

    contentItem: RowLayout {
        Label {
            text: row.kindLabel
            opacity: 0.7
            Layout.preferredWidth: 120
            elide: Text.ElideRight
        }
        Label {
            text: row.title
            textFormat: Text.PlainText
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
