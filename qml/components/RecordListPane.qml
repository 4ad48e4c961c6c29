import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// The records of one kind in a mission; pages are fetched as the list scrolls.
ListView {
    id: list

    property alias kind: records.kind
    property alias missionId: records.missionId
    property string emptyText: ""
    signal recordActivated(string kind, string recordId)

    clip: true
    keyNavigationEnabled: true
    activeFocusOnTab: true
    Accessible.role: Accessible.List
    model: RecordListModel {
        id: records
        backend: Backend
        preferences: Preferences
    }
    delegate: RecordDelegate {
        width: ListView.view.width
        onActivated: list.recordActivated(kind, recordId)
        onDeleteRequested: Backend.remove(kind, recordId)
    }
    ScrollBar.vertical: ScrollBar {}

    EmptyState {
        anchors.fill: parent
        visible: list.count === 0 && !records.loading
        text: list.emptyText
    }
}
