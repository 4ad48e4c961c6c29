import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// Conflicts to review: the same field changed on two devices. Both values side by side, with
// who wrote them and when; the person keeps one, and that choice syncs to everyone.
Page {
    id: page

    signal recordActivated(string kind, string recordId)

    objectName: "conflictsPage"
    title: qsTr("Conflicts to review")

    header: Label {
        text: page.title
        textFormat: Text.PlainText
        font.pixelSize: 20
        font.bold: true
        padding: Style.margin
    }

    ListView {
        id: list
        objectName: "conflictList"
        anchors.fill: parent
        clip: true
        spacing: Style.spacing
        keyNavigationEnabled: true
        model: ConflictModel {
            id: conflicts
            objectName: "conflictModel"
            backend: Backend
            preferences: Preferences
        }
        delegate: Frame {
            id: card
            required property var conflictId
            required property string kind
            required property string kindLabel
            required property string recordId
            required property string recordTitle
            required property string fieldLabel
            required property string winnerValue
            required property string winnerBy
            required property string winnerAt
            required property string loserValue
            required property string loserBy
            required property string loserAt

            width: ListView.view.width - 2 * Style.margin
            x: Style.margin

            ColumnLayout {
                anchors.fill: parent
                spacing: Style.spacing
                Label {
                    text: qsTr("%1 “%2”: %3").arg(card.kindLabel).arg(card.recordTitle).arg(card.fieldLabel)
                    textFormat: Text.PlainText
                    font.bold: true
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                GridLayout {
                    columns: page.width > 600 ? 2 : 1
                    Layout.fillWidth: true
                    Repeater {
                        model: [
                            { keepWinner: true, value: card.winnerValue, by: card.winnerBy, at: card.winnerAt },
                            { keepWinner: false, value: card.loserValue, by: card.loserBy, at: card.loserAt }
                        ]
                        delegate: ColumnLayout {
                            required property var modelData
                            // Both sides start at the same height, however long either is.
                            Layout.alignment: Qt.AlignTop
                            Layout.fillWidth: true
                            Layout.preferredWidth: 1
                            Label {
                                objectName: modelData.keepWinner ? "winnerBy" : "loserBy"
                                text: qsTr("By %1, %2").arg(modelData.by).arg(modelData.at)
                                textFormat: Text.PlainText
                                opacity: 0.7
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Label {
                                objectName: modelData.keepWinner ? "winnerValue" : "loserValue"
                                text: modelData.value
                                textFormat: Text.PlainText
                                wrapMode: Text.Wrap
                                Layout.fillWidth: true
                            }
                            Button {
                                objectName: modelData.keepWinner ? "keepWinner" : "keepLoser"
                                text: qsTr("Keep this one")
                                Accessible.name: qsTr("Keep “%1”").arg(modelData.value)
                                onClicked: conflicts.keep(card.conflictId, modelData.keepWinner)
                            }
                        }
                    }
                }
                Button {
                    text: qsTr("Open the record")
                    flat: true
                    onClicked: page.recordActivated(card.kind, card.recordId)
                }
            }
        }
        EmptyState {
            anchors.fill: parent
            visible: list.count === 0
            text: qsTr("No conflicts. Everything synced agrees.")
        }
    }
}
