import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Attache
import Attache.App

// Search everything on the device as you type; accents optional ("ha tinh" finds "Hà Tĩnh").
Page {
    id: page

    property alias query: field.text
    signal resultActivated(string kind, string recordId, string missionId)

    objectName: "searchPage"
    title: qsTr("Search")

    header: TextField {
        id: field
        placeholderText: qsTr("Search missions, meetings, contacts…")
        focus: true
        Accessible.name: qsTr("Search")
        Keys.onDownPressed: results.forceActiveFocus()
    }

    SearchModel {
        id: search
        backend: Backend
        query: field.text
    }

    ListView {
        id: results
        anchors.fill: parent
        clip: true
        keyNavigationEnabled: true
        model: search
        delegate: SearchResultDelegate {
            width: ListView.view.width
            onActivated: page.resultActivated(kind, recordId, missionId)
        }
        EmptyState {
            anchors.fill: parent
            visible: results.count === 0 && field.text !== "" && !search.searching
            text: qsTr("Nothing found for “%1”.").arg(field.text)
        }
    }
}
