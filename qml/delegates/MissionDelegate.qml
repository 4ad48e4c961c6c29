import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache

// A mission in the list: title, dates, where, status.
ItemDelegate {
    id: row

    required property string missionId
    required property string title
    required property string period
    required property string countries
    required property string places
    required property string status
    required property string statusLabel
    property bool selected: false
    signal activated()

    highlighted: selected
    height: Math.max(Style.touch + 24, content.implicitHeight + 20)
    Accessible.name: title
    Accessible.description: period + " " + countries
    onClicked: row.activated()
    Keys.onReturnPressed: row.activated()

    contentItem: ColumnLayout {
        id: content
        spacing: 2
        RowLayout {
            Layout.fillWidth: true
            Label {
                text: row.title
                textFormat: Text.PlainText
                font.bold: true
                wrapMode: Text.Wrap
                maximumLineCount: 2
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            StatusChip {
                status: row.status
                statusLabel: row.statusLabel
            }
        }
        Label {
            text: [row.period, row.countries, row.places].filter(s => s !== "").join(" · ")
            textFormat: Text.PlainText
            opacity: 0.75
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
    }
}
