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
}
