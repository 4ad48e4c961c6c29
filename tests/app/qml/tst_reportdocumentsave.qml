import QtQuick
import QtQml.Models
import QtTest
import Attache
import Attache.App

// The mission report page offers the report as a document: the Japan mission of the demo
// department saved as PDF, the page saying where (tst_documentsaver checks the PDF's text).
TestCase {
    id: test
    name: "ReportDocumentSave"
    when: windowShown
    visible: true
    width: 390
    height: 844

    Component {
        id: pageComponent
        ReportPage {
            width: 390
            height: 844
        }
    }
    MissionModel {
        id: missions
        backend: Backend
        preferences: Preferences
        mineOnly: false
    }
    Instantiator {
        id: missionIds
        model: missions
        delegate: QtObject {
            required property string missionId
            required property string title
        }
    }

    function test_savePdf() {
        tryVerify(() => Backend.ready, 5000);
        tryVerify(() => missionIds.count === 3, 5000);
        let japan = "";
        for (let i = 0; i < missionIds.count; ++i) {
            if (missionIds.objectAt(i).title === "Xúc tiến đầu tư tại Nhật Bản")
                japan = missionIds.objectAt(i).missionId;
        }
        verify(japan !== "");
        const page = createTemporaryObject(pageComponent, test, { missionId: japan });
        const pdfButton = findChild(page, "saveReportPdfButton");
        verify(pdfButton && pdfButton.visible && pdfButton.enabled);
        verify(findChild(page, "saveReportCsvButton").visible);

        // What the file dialog's answer does.
        const path = Backend.storePath.replace(/attache\.db$/, "bao-cao-doan.pdf");
        findChild(page, "documentSaver").saveMissionReport(japan, "file://" + path);
        tryCompare(findChild(page, "reportSaved"), "text", "Report saved to " + path, 30000);
    }
}
