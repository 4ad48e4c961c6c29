import QtQuick
import QtTest
import Attache
import Attache.App

// A manager returns a filed mission report with a comment; the mission goes back to "returned".
TestCase {
    id: test
    name: "ReportPage"
    when: windowShown
    visible: true // pages are created inside the test item: they must be visible to be clicked
    width: 1280
    height: 800

    MissionModel {
        id: missions
        backend: Backend
        mineOnly: false
        status: "report_filed"
    }
    Component {
        id: pageComponent
        ReportPage {
            width: 1280
            height: 800
        }
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function test_returnWithComment() {
        tryVerify(() => Backend.ready, 5000);
        tryCompare(missions, "count", 1, 5000);
        const missionId = missions.idAt(0);
        const page = createTemporaryObject(pageComponent, test, { missionId: missionId });
        const returnButton = findChild(page, "returnButton");
        tryVerify(() => returnButton.visible && returnButton.enabled, 5000);

        // Without a comment nothing is stored.
        mouseClick(returnButton);
        wait(0);
        compare(missions.count, 1);

        const comment = findChild(page, "reviewComment");
        comment.forceActiveFocus();
        typeText("Please add the pledged capital");
        mouseClick(returnButton);
        tryCompare(missions, "count", 0, 5000); // no longer "report filed"
        tryVerify(() => !returnButton.visible, 5000);
    }
}
