import QtQuick
import QtTest
import Attache
import Attache.App

// The record form page: a refused save keeps what was typed and shows why next to the field;
// a valid one saves and closes.
TestCase {
    id: test
    name: "RecordFormPage"
    when: windowShown
    visible: true // pages are created inside the test item: they must be visible to be clicked
    width: 390
    height: 844

    Component {
        id: pageComponent
        RecordFormPage {
            width: 390
            height: 844
            kind: "contact"
        }
    }
    SignalSpy {
        id: doneSpy
        signalName: "done"
    }
    SignalSpy {
        id: followUpSpy
        signalName: "followUpRequested"
    }

    function cleanup() {
        Preferences.language = "en";
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function test_failedSaveKeepsInput() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        verify(page);
        doneSpy.target = page;
        tryVerify(() => !page.form.loading && page.form.rowCount() > 0, 5000);

        const organisation = findChild(page, "input_organisation");
        verify(organisation);
        organisation.forceActiveFocus();
        typeText("JETRO");
        const email = findChild(page, "input_emails");
        verify(email);
        email.forceActiveFocus();
        typeText("not-an-address");

        // The save button is below the fold on a phone: Ctrl+S saves from anywhere.
        keySequence(StandardKey.Save);
        const nameError = findChild(page, "error_full_name");
        tryVerify(() => nameError.visible && nameError.text === "This field is required.");
        compare(page.form.value("organisation"), "JETRO");
        compare(doneSpy.count, 0);

        const name = findChild(page, "input_full_name");
        name.forceActiveFocus();
        typeText("Sato Kenji");
        verify(!nameError.visible); // cleared as the user corrects it
        keySequence(StandardKey.Save);
        const emailError = findChild(page, "error_emails");
        tryVerify(() => emailError.visible, 5000);
        compare(emailError.text, "This is not an e-mail address.");
        compare(page.form.value("full_name"), "Sato Kenji");

        email.forceActiveFocus();
        email.selectAll();
        typeText("sato@example.jp");
        keySequence(StandardKey.Save);
        doneSpy.wait(5000);
        verify(!page.form.isNew);
    }

    // A country picked, then the language switched: the labels and the options follow (re-sorted
    // in Vietnamese), the box still shows the country picked.
    function test_countryKeptAcrossLanguageSwitch() {
        tryVerify(() => Backend.ready, 5000);
        const page = createTemporaryObject(pageComponent, test);
        tryVerify(() => !page.form.loading && page.form.rowCount() > 0, 5000);
        const box = findChild(page, "input_country");
        verify(box);
        const korea = box.indexOfValue("KR");
        verify(korea > 0);
        box.currentIndex = korea; // what a choice in the popup does
        box.activated(korea);
        compare(page.form.value("country"), "KR");
        compare(box.currentText, "South Korea");
        Preferences.language = "vi";
        tryCompare(box, "currentText", "Hàn Quốc");
        compare(box.accessibleName, "Quốc gia");
        compare(box.currentValue, "KR");
        Preferences.language = "en";
        tryCompare(box, "currentText", "South Korea");
    }

    // "Add a follow-up" on a saved meeting asks for a follow-up linked to it; that follow-up's
    // page names the meeting (as plain text) and saves the link. A new record has no such button.
    function test_followUpAddedFromAMeeting() {
        tryVerify(() => Backend.ready, 5000);
        const meeting = TestFixture.firstRecord("meeting");
        verify(meeting.id !== undefined && meeting.missionId !== "");
        const page = createTemporaryObject(pageComponent, test,
                                           { kind: "meeting", recordId: meeting.id, missionId: meeting.missionId });
        verify(page);
        tryVerify(() => !page.form.loading && page.form.rowCount() > 0, 5000);
        followUpSpy.target = page;
        const add = findChild(page, "addFollowUpButton");
        verify(add);
        verify(add.visible);
        add.clicked();
        compare(followUpSpy.count, 1);
        compare(followUpSpy.signalArguments[0][0], "meeting");
        compare(followUpSpy.signalArguments[0][1], meeting.id);
        verify(!findChild(page, "linkedRecord").visible);
        // As the StackView hides the page under the new one: its Ctrl+S must not make the new
        // page's ambiguous.
        page.visible = false;

        const followUp = createTemporaryObject(pageComponent, test,
                                               { kind: "followup", missionId: meeting.missionId,
                                                 linkedKind: "meeting", linkedId: meeting.id });
        verify(followUp);
        doneSpy.target = followUp;
        tryVerify(() => !followUp.form.loading && followUp.form.rowCount() > 0, 5000);
        verify(!findChild(followUp, "addFollowUpButton").visible); // a new record
        const from = findChild(followUp, "linkedRecord");
        tryVerify(() => from.visible, 5000);
        compare(from.text, "From meeting: " + meeting.title);
        compare(from.textFormat, Text.PlainText);
        const title = findChild(followUp, "input_title");
        verify(title);
        title.forceActiveFocus();
        typeText("Send the project file");
        keySequence(StandardKey.Save);
        doneSpy.wait(5000);
        verify(!followUp.form.isNew);
        compare(TestFixture.fieldOf("followup", followUp.form.recordId, "linked_kind"), "meeting");
        compare(TestFixture.fieldOf("followup", followUp.form.recordId, "linked_id"), meeting.id);
    }
}
