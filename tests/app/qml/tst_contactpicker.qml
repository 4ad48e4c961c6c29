import QtQuick
import QtTest
import Attache
import Attache.App

// A meeting's counterpart contacts: found by typing part of a name without accents, added,
// removed again, all in the form's values.
TestCase {
    id: test
    name: "ContactPicker"
    when: windowShown
    visible: true
    width: 390
    height: 844

    RecordListModel {
        id: contacts
        backend: Backend
        kind: "contact"
        pageSize: 500
    }

    Component {
        id: pageComponent
        RecordFormPage {
            width: 390
            height: 844
            kind: "meeting"
        }
    }

    function typeText(text) {
        for (let i = 0; i < text.length; ++i)
            keyClick(text[i]);
    }

    function test_pickAndRemoveContacts() {
        tryVerify(() => Backend.ready && contacts.count > 0, 5000);
        // A contact of a mission: the meeting form of that mission offers it.
        let row = -1;
        for (let i = 0; i < contacts.count && row < 0; ++i) {
            if (contacts.data(contacts.index(i, 0), RecordListModel.MissionIdRole) !== "")
                row = i;
        }
        verify(row >= 0);
        const missionId = contacts.data(contacts.index(row, 0), RecordListModel.MissionIdRole);
        const contactId = contacts.idAt(row);
        const name = contacts.data(contacts.index(row, 0), RecordListModel.TitleRole);

        const page = createTemporaryObject(pageComponent, test, { missionId: missionId });
        verify(page);
        tryVerify(() => !page.form.loading && page.form.rowCount() > 0, 5000);
        const picker = findChild(page, "input_contact_ids");
        verify(picker);
        tryVerify(() => picker.options.length > 0, 5000);
        const search = findChild(picker, "pickerSearch");
        verify(search);
        search.forceActiveFocus();
        // The first word of the name, typed without diacritics.
        const word = name.split(" ")[0].normalize("NFD").replace(/[\u0300-\u036f]/g, "")
            .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
        typeText(word);
        tryVerify(() => findChild(picker, "match_" + contactId) !== null, 5000);
        // Names come from others: shown as plain text, never rich text.
        compare(findChild(picker, "match_" + contactId).contentItem.textFormat, Text.PlainText);
        mouseClick(findChild(picker, "match_" + contactId));
        compare(page.form.value("contact_ids"), [contactId]);
        compare(search.text, "");
        tryVerify(() => findChild(picker, "chosen_" + contactId) !== null);
        verify(findChild(picker, "chosen_" + contactId).text.indexOf(name) === 0);
        compare(findChild(picker, "chosen_" + contactId).contentItem.textFormat, Text.PlainText);
        waitForRendering(page); // the chip is laid out in the next frame
        mouseClick(findChild(picker, "chosen_" + contactId));
        compare(page.form.value("contact_ids"), []);
    }

    // An existing meeting opened for editing: its contacts' chips name them once the mission's
    // contacts have loaded (the values can arrive before the options).
    function test_existingMeetingNamesItsContacts() {
        tryVerify(() => Backend.ready, 5000);
        const meeting = TestFixture.firstRecord("meeting");
        verify(meeting.id !== undefined);
        const page = createTemporaryObject(pageComponent, test,
                                           { recordId: meeting.id, missionId: meeting.missionId });
        verify(page);
        tryVerify(() => !page.form.loading && page.form.rowCount() > 0, 5000);
        const picker = findChild(page, "input_contact_ids");
        verify(picker);
        tryVerify(() => picker.chosen.length > 0, 5000);
        const chip = findChild(picker, "chosen_" + picker.chosen[0]);
        verify(chip);
        tryVerify(() => chip.text.indexOf("Tanaka Hiroshi") === 0, 5000, chip.text);
    }
}
