import QtQuick
import QtTest
import Attache
import Attache.App

// The mission list: newest first, keyboard and pointer open a mission.
TestCase {
    id: test
    name: "MissionListPage"
    when: windowShown
    visible: true // pages are created inside the test item: they must be visible to be clicked
    width: 390
    height: 844

    Component {
        id: pageComponent
        MissionListPage {
            width: 390
            height: 844
        }
    }
    SignalSpy {
        id: activated
        signalName: "missionActivated"
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function test_listAndOpen() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        activated.target = page;
        const list = findChild(page, "missionList");
        tryCompare(list, "count", 3, 5000);
        compare(list.itemAtIndex(0).title, "Hội chợ thương mại Việt - Lào tại Champasak");
        mouseClick(list.itemAtIndex(1));
        compare(activated.count, 1);
        compare(activated.signalArguments[0][0], list.itemAtIndex(1).missionId);

        list.forceActiveFocus();
        list.currentIndex = 0;
        keyClick(Qt.Key_Down);
        compare(list.currentIndex, 1);
        list.currentItem.forceActiveFocus();
        keyClick(Qt.Key_Return);
        compare(activated.count, 2);
    }
}
