import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// The records behind one figure or bar of the dashboard; each opens its record.
Page {
    id: page

    property string key: ""
    property string from: ""
    property string to: ""
    property string asOf: ""
    signal recordActivated(string kind, string recordId, string missionId)

    objectName: "drillDownPage"

    DrillDownModel {
        id: records
        objectName: "drillDownModel"
        backend: Backend
        preferences: Preferences
        from: page.from
        to: page.to
        asOf: page.asOf
        key: page.key
    }

    header: Label {
        text: page.title
        textFormat: Text.PlainText
        font.pixelSize: 20
        font.bold: true
        wrapMode: Text.Wrap
        padding: Style.margin
    }

    ListView {
        id: list
        objectName: "drillDownList"
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        activeFocusOnTab: true
        model: records
        delegate: ItemDelegate {
            id: row
            required property string kind
            required property string recordId
            required property string title
            required property string subtitle
            required property string missionId
            required property string status
            required property string statusLabel
            required property bool openable
            required property int index
            width: ListView.view.width
            height: Math.max(Style.touch + 16, rowContent.implicitHeight + 16)
            Accessible.name: title
            Accessible.description: subtitle
            onClicked: if (openable) page.recordActivated(kind, recordId, missionId)
            Keys.onReturnPressed: if (openable) page.recordActivated(kind, recordId, missionId)
            contentItem: RowLayout {
                id: rowContent
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
            }
        }
        ScrollBar.vertical: ScrollBar {}
        EmptyState {
            anchors.fill: parent
            visible: records.loaded && list.count === 0
            text: qsTr("No record behind this figure.")
        }
    }
}
