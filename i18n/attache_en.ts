<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>AppToolBar</name>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Attaché</source>
        <translation>Attaché</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Quick contact</translation>
    </message>
    <message>
        <source>Save a contact in a few taps</source>
        <translation>Save a contact in a few taps</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <source>All missions and reports</source>
        <translation>All missions and reports</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Conflicts to review (%1)</source>
        <translation>Conflicts to review (%1)</translation>
    </message>
    <message>
        <source>Sign in and sync</source>
        <translation>Sign in and sync</translation>
    </message>
    <message>
        <source>Changes set aside (%1)</source>
        <translation>Changes set aside (%1)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Follow-ups after return</source>
        <translation>Follow-ups after return</translation>
    </message>
    <message>
        <source>Import and export contacts</source>
        <translation>Import and export contacts</translation>
    </message>
</context>
<context>
    <name>AttachmentPage</name>
    <message>
        <source>%1 · %2 KB</source>
        <translation>%1 · %2 KB</translation>
    </message>
    <message>
        <source>Downloading from the server…</source>
        <translation>Downloading from the server…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Open with another app</source>
        <translation>Open with another app</translation>
    </message>
    <message>
        <source>Downloading from the server… %1 %</source>
        <translation>Downloading from the server… %1 %</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Download progress</translation>
    </message>
    <message>
        <source>%1 % of the file is already on this device: trying again continues from there.</source>
        <translation>%1 % of the file is already on this device: trying again continues from there.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Photo of the business card</source>
        <translation>Photo of the business card</translation>
    </message>
    <message>
        <source>Take the photo</source>
        <translation>Take the photo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>someone</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Kept</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts to review</source>
        <translation>Conflicts to review</translation>
    </message>
    <message>
        <source>%1 “%2”: %3</source>
        <translation>%1 “%2”: %3</translation>
    </message>
    <message>
        <source>By %1, %2</source>
        <translation>By %1, %2</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Keep this one</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>Keep “%1”</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Open the record</translation>
    </message>
    <message>
        <source>No conflicts. Everything synced agrees.</source>
        <translation>No conflicts. Everything synced agrees.</translation>
    </message>
</context>
<context>
    <name>ContactImportPage</name>
    <message>
        <source>Import and export contacts</source>
        <translation>Import and export contacts</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>No mission (all contacts)</source>
        <translation>No mission (all contacts)</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>Import a file…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>vCard 4.0 (phones, Google, Outlook)</source>
        <translation>vCard 4.0 (phones, Google, Outlook)</translation>
    </message>
    <message>
        <source>vCard 3.0 (older phones)</source>
        <translation>vCard 3.0 (older phones)</translation>
    </message>
    <message>
        <source>CSV (Excel, Google Contacts)</source>
        <translation>CSV (Excel, Google Contacts)</translation>
    </message>
    <message>
        <source>%1 new, %2 to merge, %3 matching stored contacts</source>
        <translation>%1 new, %2 to merge, %3 matching stored contacts</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>Fills: %1</source>
        <translation>Fills: %1</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Keep separate</source>
        <translation>Keep separate</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Leave out</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <source>Kept in the notes</source>
        <translation>Kept in the notes</translation>
    </message>
    <message>
        <source>Import contacts from a phone, Outlook or Google Contacts (vCard or CSV); contacts already stored are offered for merging.</source>
        <translation>Import contacts from a phone, Outlook or Google Contacts (vCard or CSV); contacts already stored are offered for merging.</translation>
    </message>
    <message>
        <source>Contacts file</source>
        <translation>Contacts file</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv)</source>
        <translation>Contacts (*.vcf *.vcard *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Export contacts</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>vCard (*.vcf)</source>
        <translation>vCard (*.vcf)</translation>
    </message>
</context>
<context>
    <name>ContactInterchange</name>
    <message>
        <source>same e-mail %1</source>
        <translation>same e-mail %1</translation>
    </message>
    <message>
        <source>same phone %1</source>
        <translation>same phone %1</translation>
    </message>
    <message>
        <source>same name and organisation</source>
        <translation>same name and organisation</translation>
    </message>
    <message>
        <source>%1 as line %2 of the file: combined with it</source>
        <extracomment>%1 is a reason such as &quot;same e-mail an@x.vn&quot;, %2 a line number of the file</extracomment>
        <translation>%1 as line %2 of the file: combined with it</translation>
    </message>
    <message>
        <source>Lines %1–%2: %3</source>
        <translation>Lines %1–%2: %3</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Line %1: %2</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>New contact</translation>
    </message>
    <message>
        <source>Separate new contact</source>
        <translation>Separate new contact</translation>
    </message>
    <message>
        <source>Merge into %1</source>
        <translation>Merge into %1</translation>
    </message>
    <message>
        <source>Combined with an earlier contact of the file</source>
        <translation>Combined with an earlier contact of the file</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Left out</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>Could not read %1.</translation>
    </message>
    <message>
        <source>%1 is too big for a contacts file.</source>
        <translation>%1 is too big for a contacts file.</translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n new contact</numerusform>
            <numerusform>%n new contacts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged</source>
        <translation>
            <numerusform>%n merged</numerusform>
            <numerusform>%n merged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out</source>
        <translation>
            <numerusform>%n left out</numerusform>
            <numerusform>%n left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not imported (see the lines)</source>
        <translation>
            <numerusform>%n not imported (see the lines)</numerusform>
            <numerusform>%n not imported (see the lines)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Could not write %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) saved to %1</source>
        <translation>
            <numerusform>%n contact saved to %1</numerusform>
            <numerusform>%n contacts saved to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: the contact is imported, but its photo could not be kept (%2)</source>
        <translation>Line %1: the contact is imported, but its photo could not be kept (%2)</translation>
    </message>
    <message>
        <source>Line %1: the photo is not kept: only a contact of a mission can have files attached</source>
        <translation>Line %1: the photo is not kept: only a contact of a mission can have files attached</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) attached</source>
        <translation>
            <numerusform>%n photo attached</numerusform>
            <numerusform>%n photos attached</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is UTF-16 text; it was read as such.</source>
        <translation>The file is UTF-16 text; it was read as such.</translation>
    </message>
    <message>
        <source>The file has no byte-order mark; it was read as UTF-16LE text.</source>
        <translation>The file has no byte-order mark; it was read as UTF-16LE text.</translation>
    </message>
    <message>
        <source>The file is not UTF-8; it was read as windows-1252 text. Check the accented letters of the imported contacts.</source>
        <translation>The file is not UTF-8; it was read as windows-1252 text. Check the accented letters of the imported contacts.</translation>
    </message>
    <message>
        <source>the file looks like UTF-16 text but is not valid UTF-16; nothing imported</source>
        <translation>the file looks like UTF-16 text but is not valid UTF-16; nothing imported</translation>
    </message>
    <message>
        <source>not part of any vCard</source>
        <translation>not part of any vCard</translation>
    </message>
    <message>
        <source>the card has no END:VCARD before the next card; card skipped</source>
        <translation>the card has no END:VCARD before the next card; card skipped</translation>
    </message>
    <message>
        <source>the card is cut off (the file ends before END:VCARD); card skipped</source>
        <translation>the card is cut off (the file ends before END:VCARD); card skipped</translation>
    </message>
    <message>
        <source>broken quoted-printable in %1 (“%2” is cut off); card skipped</source>
        <extracomment>%1 is a vCard property such as N or NOTE, %2 the escape as written (&quot;=C&quot;)</extracomment>
        <translation>broken quoted-printable in %1 (“%2” is cut off); card skipped</translation>
    </message>
    <message>
        <source>broken quoted-printable in %1 (“%2” is not a quoted-printable escape); card skipped</source>
        <extracomment>%1 is a vCard property such as N or NOTE, %2 the escape as written (&quot;=G5&quot;)</extracomment>
        <translation>broken quoted-printable in %1 (“%2” is not a quoted-printable escape); card skipped</translation>
    </message>
    <message>
        <source>broken base64 in %1; card skipped</source>
        <extracomment>%1 is a vCard property such as NOTE</extracomment>
        <translation>broken base64 in %1; card skipped</translation>
    </message>
    <message>
        <source>%1 is not valid %2 text; card skipped</source>
        <extracomment>%1 is a vCard property such as FN, %2 a character set such as ISO-8859-1</extracomment>
        <translation>%1 is not valid %2 text; card skipped</translation>
    </message>
    <message>
        <source>the card has no name, organisation or e-mail address; card skipped</source>
        <translation>the card has no name, organisation or e-mail address; card skipped</translation>
    </message>
    <message>
        <source>a quoted field is never closed (the file ends inside it); record skipped</source>
        <translation>a quoted field is never closed (the file ends inside it); record skipped</translation>
    </message>
    <message>
        <source>the first line is not a contacts header (no name or e-mail column); file skipped</source>
        <translation>the first line is not a contacts header (no name or e-mail column); file skipped</translation>
    </message>
    <message>
        <source>the file ends in the middle of this record (fewer values than columns, no line end); record skipped</source>
        <translation>the file ends in the middle of this record (fewer values than columns, no line end); record skipped</translation>
    </message>
    <message>
        <source>the record has no name, organisation or e-mail address; record skipped</source>
        <translation>the record has no name, organisation or e-mail address; record skipped</translation>
    </message>
    <message>
        <source>the file is neither vCard nor CSV; nothing imported</source>
        <translation>the file is neither vCard nor CSV; nothing imported</translation>
    </message>
    <message>
        <source>%1 The contact is not imported.</source>
        <extracomment>%1 is why the local store refused the contact, a sentence (&quot;Full name: This text is too long.&quot;)</extracomment>
        <translation>%1 The contact is not imported.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address; kept in the notes</source>
        <translation>“%1” is not an e-mail address; kept in the notes</translation>
    </message>
    <message>
        <source>“%1” is not a phone number; kept in the notes</source>
        <translation>“%1” is not a phone number; kept in the notes</translation>
    </message>
    <message>
        <source>“%1” is not a web address; kept in the notes</source>
        <translation>“%1” is not a web address; kept in the notes</translation>
    </message>
    <message>
        <source>the country “%1” is not one Attaché knows; kept in the notes</source>
        <translation>the country “%1” is not one Attaché knows; kept in the notes</translation>
    </message>
    <message>
        <source>not a vCard property; kept in the notes</source>
        <translation>not a vCard property; kept in the notes</translation>
    </message>
    <message>
        <source>text without a character set is not UTF-8; read as windows-1252</source>
        <translation>text without a character set is not UTF-8; read as windows-1252</translation>
    </message>
    <message>
        <source>unknown character set “%1”; the text was read as UTF-8 or windows-1252</source>
        <translation>unknown character set “%1”; the text was read as UTF-8 or windows-1252</translation>
    </message>
    <message>
        <source>the photo could not be decoded; left out</source>
        <translation>the photo could not be decoded; left out</translation>
    </message>
    <message>
        <source>more values than columns; the extra value is kept in the notes</source>
        <translation>more values than columns; the extra value is kept in the notes</translation>
    </message>
    <message>
        <source>the photo will be attached to the contact (only if it belongs to a mission)</source>
        <translation>the photo will be attached to the contact (only if it belongs to a mission)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
</context>
<context>
    <name>Country</name>
    <message>
        <source>en</source>
        <comment>The code of this translation&apos;s language: vi or en</comment>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Type dates as dd/mm/yyyy.</source>
        <translation>Type dates as dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>The period ends before it starts.</translation>
    </message>
    <message>
        <source>Custom period…</source>
        <translation>Custom period…</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Year %1</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>All missions</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>From %1</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Until %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>Person-trips</source>
        <translation>Person-trips</translation>
    </message>
    <message>
        <source>Missions and their people</source>
        <translation>Missions and their people</translation>
    </message>
    <message>
        <source>Officials who travelled</source>
        <translation>Officials who travelled</translation>
    </message>
    <message>
        <source>Working meetings</source>
        <translation>Working meetings</translation>
    </message>
    <message>
        <source>Agreements signed</source>
        <translation>Agreements signed</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Pledged capital</source>
        <translation>Pledged capital</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Investment leads</translation>
    </message>
    <message>
        <source>Pledged capital (%1)</source>
        <translation>Pledged capital (%1)</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>Follow-ups open</translation>
    </message>
    <message>
        <source>Follow-ups overdue</source>
        <translation>Follow-ups overdue</translation>
    </message>
    <message>
        <source>Missions to %1</source>
        <translation>Missions to %1</translation>
    </message>
    <message>
        <source>Missions starting in %1</source>
        <translation>Missions starting in %1</translation>
    </message>
    <message>
        <source>Agreements in %1</source>
        <translation>Agreements in %1</translation>
    </message>
    <message>
        <source>%1 missions with %2 person-trips</source>
        <translation>%1 missions with %2 person-trips</translation>
    </message>
    <message>
        <source>Save the summary as a .pdf or .csv file.</source>
        <translation>Save the summary as a .pdf or .csv file.</translation>
    </message>
    <message>
        <source>Could not save the summary: %1</source>
        <translation>Could not save the summary: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Missions by country</source>
        <translation>Missions by country</translation>
    </message>
    <message>
        <source>No mission in this period.</source>
        <translation>No mission in this period.</translation>
    </message>
    <message>
        <source>Missions by month</source>
        <translation>Missions by month</translation>
    </message>
    <message>
        <source>Agreements by field of cooperation</source>
        <translation>Agreements by field of cooperation</translation>
    </message>
    <message>
        <source>No agreement in this period.</source>
        <translation>No agreement in this period.</translation>
    </message>
    <message>
        <source>The missions you lead or belong to</source>
        <translation>The missions you lead or belong to</translation>
    </message>
    <message>
        <source>Summary saved to %1</source>
        <translation>Summary saved to %1</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Save the summary</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save the summary…</source>
        <translation>Save the summary…</translation>
    </message>
    <message>
        <source>As PDF (báo cáo tổng kết)</source>
        <translation>As PDF (báo cáo tổng kết)</translation>
    </message>
    <message>
        <source>As CSV (Excel)</source>
        <translation>As CSV (Excel)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>dd/mm/yyyy hh:mm</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>Pick %1 on a calendar</source>
        <translation>Pick %1 on a calendar</translation>
    </message>
</context>
<context>
    <name>DatePickerDialog</name>
    <message>
        <source>Pick a date</source>
        <translation>Pick a date</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Previous month</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Next month</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DocumentSaver</name>
    <message>
        <source>Save the report as a .pdf or .csv file.</source>
        <translation>Save the report as a .pdf or .csv file.</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>Could not save the report: %1</translation>
    </message>
</context>
<context>
    <name>DrillDownModel</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mission(s)</source>
        <translation>
            <numerusform>%n mission</numerusform>
            <numerusform>%n missions</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>due %1</translation>
    </message>
</context>
<context>
    <name>DrillDownPage</name>
    <message>
        <source>No record behind this figure.</source>
        <translation>No record behind this figure.</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Planned</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Under way</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Report filed</source>
        <translation>Report filed</translation>
    </message>
    <message>
        <source>Report approved</source>
        <translation>Report approved</translation>
    </message>
    <message>
        <source>Memorandum of understanding</source>
        <translation>Memorandum of understanding</translation>
    </message>
    <message>
        <source>Cooperation agreement</source>
        <translation>Cooperation agreement</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Under negotiation</source>
        <translation>Under negotiation</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>In implementation</source>
        <translation>In implementation</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Trade</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>Investment</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <translation>Agriculture</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Education</translation>
    </message>
    <message>
        <source>Culture</source>
        <translation>Culture</translation>
    </message>
    <message>
        <source>Tourism</source>
        <translation>Tourism</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Technology</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>Labour</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environment</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>Trade fair</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>Exhibition</translation>
    </message>
    <message>
        <source>Investment conference</source>
        <translation>Investment conference</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Seminar</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>Interested</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Committed</translation>
    </message>
    <message>
        <source>Licensed</source>
        <translation>Licensed</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Abandoned</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>Returned for changes</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>This field is required.</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>This is not an e-mail address.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>This is not a phone number.</translation>
    </message>
    <message>
        <source>This is not a web address.</source>
        <translation>This is not a web address.</translation>
    </message>
    <message>
        <source>Choose a country from the list.</source>
        <translation>Choose a country from the list.</translation>
    </message>
    <message>
        <source>Choose a currency such as USD or VND.</source>
        <translation>Choose a currency such as USD or VND.</translation>
    </message>
    <message>
        <source>Enter a positive amount.</source>
        <translation>Enter a positive amount.</translation>
    </message>
    <message>
        <source>Enter a date as dd/mm/yyyy.</source>
        <translation>Enter a date as dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>Enter a date and time as dd/mm/yyyy hh:mm.</source>
        <translation>Enter a date and time as dd/mm/yyyy hh:mm.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Choose a value from the list.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Enter a whole number.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>This date must not be before the start date.</source>
        <translation>This date must not be before the start date.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>This record no longer exists.</translation>
    </message>
    <message>
        <source>The device is full: free some space and try again.</source>
        <translation>The device is full: free some space and try again.</translation>
    </message>
    <message>
        <source>The data is busy: try again in a moment.</source>
        <translation>The data is busy: try again in a moment.</translation>
    </message>
    <message>
        <source>This device&apos;s storage is read-only: nothing was saved, and what is already saved is safe.</source>
        <translation>This device&apos;s storage is read-only: nothing was saved, and what is already saved is safe.</translation>
    </message>
    <message>
        <source>The local data is not open yet.</source>
        <translation>The local data is not open yet.</translation>
    </message>
    <message>
        <source>The local data file cannot be opened.</source>
        <translation>The local data file cannot be opened.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Something went wrong (%1).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sign in once so that this device knows your organisation.</source>
        <translation>Sign in once so that this device knows your organisation.</translation>
    </message>
    <message>
        <source>Open a mission first: photos are kept with a mission.</source>
        <translation>Open a mission first: photos are kept with a mission.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Decision number</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Decision date</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Countries</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Cities</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Head of delegation</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>Counterpart</translation>
    </message>
    <message>
        <source>Counterpart&apos;s country</source>
        <translation>Counterpart&apos;s country</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Signed at meeting</source>
        <translation>Signed at meeting</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Parties</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>Signing date</translation>
    </message>
    <message>
        <source>Signing place</source>
        <translation>Signing place</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Signatories</translation>
    </message>
    <message>
        <source>Fields of cooperation</source>
        <translation>Fields of cooperation</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Committed value</source>
        <translation>Committed value</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Booth</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Job title</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>E-mail addresses</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Phone numbers</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Languages</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Interests</translation>
    </message>
    <message>
        <source>Met at event</source>
        <translation>Met at event</translation>
    </message>
    <message>
        <source>Met at meeting</source>
        <translation>Met at meeting</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Agreed to be contacted</source>
        <translation>Agreed to be contacted</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <source>Pledged capital</source>
        <translation>Pledged capital</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Counterpart contacts</source>
        <translation>Counterpart contacts</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Comes from (type of record)</source>
        <translation>Comes from (type of record)</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Comes from</translation>
    </message>
</context>
<context>
    <name>FirstStartPage</name>
    <message>
        <source>Welcome to Attaché</source>
        <translation>Welcome to Attaché</translation>
    </message>
    <message>
        <source>Record your mission&apos;s meetings, agreements and contacts on this device, with or without a connection. Sign in to share them with your department.</source>
        <translation>Record your mission&apos;s meetings, agreements and contacts on this device, with or without a connection. Sign in to share them with your department.</translation>
    </message>
    <message>
        <source>Sign in to your department&apos;s server</source>
        <translation>Sign in to your department&apos;s server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Name of this device</source>
        <translation>Name of this device</translation>
    </message>
    <message>
        <source>e.g. Hạnh&apos;s phone</source>
        <translation>e.g. Hạnh&apos;s phone</translation>
    </message>
    <message>
        <source>Your IT staff see this name in the list of devices, for example to block a lost phone.</source>
        <translation>Your IT staff see this name in the list of devices, for example to block a lost phone.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Work offline, sign in later</source>
        <translation>Work offline, sign in later</translation>
    </message>
    <message>
        <source>Everything works offline, including new missions. Sign in later from the menu ⋮ → Settings; nothing you record before is lost.</source>
        <translation>Everything works offline, including new missions. Sign in later from the menu ⋮ → Settings; nothing you record before is lost.</translation>
    </message>
</context>
<context>
    <name>FollowUpDelegate</name>
    <message>
        <source>Due %1</source>
        <translation>Due %1</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>No due date</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>No owner</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Everyone</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>From %1: %2</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Follow-ups after return</source>
        <translation>Follow-ups after return</translation>
    </message>
    <message>
        <source>%1 due · %2 overdue · %3 done</source>
        <translation>%1 due · %2 overdue · %3 done</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Group by owner</source>
        <translation>Group by owner</translation>
    </message>
    <message>
        <source>No follow-up matches these filters.</source>
        <translation>No follow-up matches these filters.</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>One per line</source>
        <translation>One per line</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Official</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Mission</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Investment lead</source>
        <translation>Investment lead</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Review</translation>
    </message>
</context>
<context>
    <name>KindPlural</name>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Investment leads</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Reviews</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Attaché</source>
        <translation>Attaché</translation>
    </message>
    <message>
        <source>“%1” deleted</source>
        <translation>“%1” deleted</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Signed in as %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent and are kept on this device: see why under ⋮ → Changes set aside.</source>
        <translation>
            <numerusform>%n change could not be sent and is kept on this device: see why under ⋮ → Changes set aside.</numerusform>
            <numerusform>%n changes could not be sent and are kept on this device: see why under ⋮ → Changes set aside.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <source>All missions</source>
        <translation>All missions</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>No mission matches these filters.</source>
        <translation>No mission matches these filters.</translation>
    </message>
</context>
<context>
    <name>MissionListPage</name>
    <message>
        <source>My missions</source>
        <translation>My missions</translation>
    </message>
    <message>
        <source>No missions yet. Create the first one with the + button.</source>
        <translation>No missions yet. Create the first one with the + button.</translation>
    </message>
    <message>
        <source>New mission</source>
        <translation>New mission</translation>
    </message>
</context>
<context>
    <name>MissionModel</name>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>All countries</translation>
    </message>
</context>
<context>
    <name>MissionPage</name>
    <message>
        <source>Overview</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Investment leads</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Follow-ups</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Edit mission</source>
        <translation>Edit mission</translation>
    </message>
    <message>
        <source>Mission report</source>
        <translation>Mission report</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Quick contact</translation>
    </message>
    <message>
        <source>Delete mission</source>
        <translation>Delete mission</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <source>%1 (Ctrl+N)</source>
        <translation>%1 (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>MoneyField</name>
    <message>
        <source>Currency</source>
        <translation>Currency</translation>
    </message>
</context>
<context>
    <name>MultiChoiceField</name>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Add to %1</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>%1 – %2 (ends before it starts: check the dates)</source>
        <translation>%1 – %2 (ends before it starts: check the dates)</translation>
    </message>
</context>
<context>
    <name>QuickContactDialog</name>
    <message>
        <source>Quick contact</source>
        <translation>Quick contact</translation>
    </message>
    <message>
        <source>Contact saved</source>
        <translation>Contact saved</translation>
    </message>
    <message>
        <source>Business card photo…</source>
        <translation>Business card photo…</translation>
    </message>
    <message>
        <source>Attach a photo of the business card</source>
        <translation>Attach a photo of the business card</translation>
    </message>
    <message>
        <source>Open a mission to attach a photo</source>
        <translation>Open a mission to attach a photo</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Save contact</translation>
    </message>
    <message>
        <source>Photo of the business card</source>
        <translation>Photo of the business card</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Images (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Take a photo…</source>
        <translation>Take a photo…</translation>
    </message>
    <message>
        <source>Take a photo of the business card</source>
        <translation>Take a photo of the business card</translation>
    </message>
    <message>
        <source>No camera found on this device: choose a photo file instead.</source>
        <translation>No camera found on this device: choose a photo file instead.</translation>
    </message>
    <message>
        <source>The camera cannot be used in this version of the app: choose a photo file instead.</source>
        <translation>The camera cannot be used in this version of the app: choose a photo file instead.</translation>
    </message>
</context>
<context>
    <name>RecordDelegate</name>
    <message>
        <source>Actions for %1</source>
        <translation>Actions for %1</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>RecordDetails</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Some fields need attention.</source>
        <translation>Some fields need attention.</translation>
    </message>
</context>
<context>
    <name>RecordFormPage</name>
    <message>
        <source>New %1</source>
        <translation>New %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Open %1</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Attach a file…</translation>
    </message>
    <message>
        <source>Attach a photo or a file</source>
        <translation>Attach a photo or a file</translation>
    </message>
    <message>
        <source>%1 is attached when you save</source>
        <translation>%1 is attached when you save</translation>
    </message>
    <message>
        <source>Do not attach this file</source>
        <translation>Do not attach this file</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>From %1: %2</translation>
    </message>
    <message>
        <source>Add a follow-up</source>
        <translation>Add a follow-up</translation>
    </message>
    <message>
        <source>Add a follow-up to this %1</source>
        <translation>Add a follow-up to this %1</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>(not on this device)</source>
        <translation>(not on this device)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Remove %1</translation>
    </message>
    <message>
        <source>Type a name to find it</source>
        <translation>Type a name to find it</translation>
    </message>
    <message>
        <source>Nothing to choose from in this mission yet</source>
        <translation>Nothing to choose from in this mission yet</translation>
    </message>
    <message>
        <source>Find: %1</source>
        <translation>Find: %1</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <source>Missions</source>
        <translation>Missions</translation>
    </message>
    <message>
        <source>Person-trips</source>
        <translation>Person-trips</translation>
    </message>
    <message>
        <source>Officials who travelled</source>
        <translation>Officials who travelled</translation>
    </message>
    <message>
        <source>Working meetings</source>
        <translation>Working meetings</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Agreements signed</source>
        <translation>Agreements signed</translation>
    </message>
    <message>
        <source>Agreements in %1</source>
        <translation>Agreements in %1</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Investment leads</translation>
    </message>
    <message>
        <source>Pledged capital</source>
        <translation>Pledged capital</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>Follow-ups open</translation>
    </message>
    <message>
        <source>Follow-ups overdue</source>
        <translation>Follow-ups overdue</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>Follow-ups done</translation>
    </message>
    <message>
        <source>%1 missions with %2 person-trips</source>
        <translation>%1 missions with %2 person-trips</translation>
    </message>
    <message>
        <source>Say what the delegation should change.</source>
        <translation>Say what the delegation should change.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Mission report</source>
        <translation>Mission report</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>Not reviewed yet.</translation>
    </message>
    <message>
        <source>Your review</source>
        <translation>Your review</translation>
    </message>
    <message>
        <source>Comment (needed to return the report)</source>
        <translation>Comment (needed to return the report)</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Review comment</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Return with comment</source>
        <translation>Return with comment</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Report saved to %1</translation>
    </message>
    <message>
        <source>Save the mission report</source>
        <translation>Save the mission report</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Save as CSV…</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Search missions, meetings, contacts…</source>
        <translation>Search missions, meetings, contacts…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Nothing found for “%1”.</translation>
    </message>
</context>
<context>
    <name>SetAsideModel</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>You were removed from this mission, so the server no longer accepts changes to it from you.</source>
        <translation>You were removed from this mission, so the server no longer accepts changes to it from you.</translation>
    </message>
    <message>
        <source>This record was moved to a mission you are not a member of, so your changes to it could not be sent.</source>
        <translation>This record was moved to a mission you are not a member of, so your changes to it could not be sent.</translation>
    </message>
    <message>
        <source>A colleague changed the same fields at the same time and their values were kept; the record then left this device before you could review yours.</source>
        <translation>A colleague changed the same fields at the same time and their values were kept; the record then left this device before you could review yours.</translation>
    </message>
    <message>
        <source>The server could not take these changes from this device.</source>
        <translation>The server could not take these changes from this device.</translation>
    </message>
    <message>
        <source>Copy the text and send it to a colleague still on the mission, who can enter it again; or ask your manager to add you back, then enter it again yourself.</source>
        <translation>Copy the text and send it to a colleague still on the mission, who can enter it again; or ask your manager to add you back, then enter it again yourself.</translation>
    </message>
    <message>
        <source>Copy the text and pass it to a member of the mission the record now belongs to, who can enter it again.</source>
        <translation>Copy the text and pass it to a member of the mission the record now belongs to, who can enter it again.</translation>
    </message>
    <message>
        <source>Copy your values and compare them with the record a colleague on the mission sees; re-enter what is still right.</source>
        <translation>Copy your values and compare them with the record a colleague on the mission sees; re-enter what is still right.</translation>
    </message>
    <message>
        <source>Copy the text and enter it again where it belongs.</source>
        <translation>Copy the text and enter it again where it belongs.</translation>
    </message>
    <message>
        <source>(its name is no longer on this device)</source>
        <translation>(its name is no longer on this device)</translation>
    </message>
    <message>
        <source>The server refused your changes to this record: it is outside the missions you now belong to (you were removed from the mission, or your role changed).</source>
        <translation>The server refused your changes to this record: it is outside the missions you now belong to (you were removed from the mission, or your role changed).</translation>
    </message>
    <message>
        <source>Copy the text and send it to a colleague on the mission, who can enter it again; or ask your manager for access, then enter it again yourself.</source>
        <translation>Copy the text and send it to a colleague on the mission, who can enter it again; or ask your manager for access, then enter it again yourself.</translation>
    </message>
</context>
<context>
    <name>SetAsidePage</name>
    <message>
        <source>Changes set aside</source>
        <translation>Changes set aside</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Set aside %1 · changed: %2</source>
        <translation>Set aside %1 · changed: %2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Nothing set aside: every change on this device can be sent.</source>
        <translation>Nothing set aside: every change on this device can be sent.</translation>
    </message>
    <message>
        <source>The server no longer takes these changes from this device. They are kept here, never lost: each says why, and what you can do.</source>
        <translation>The server no longer takes these changes from this device. They are kept here, never lost: each says why, and what you can do.</translation>
    </message>
    <message>
        <source>What you can do: %1</source>
        <translation>What you can do: %1</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Copy %1</translation>
    </message>
    <message>
        <source>Dismiss %1</source>
        <translation>Dismiss %1</translation>
    </message>
    <message>
        <source>Dismiss this change?</source>
        <translation>Dismiss this change?</translation>
    </message>
    <message>
        <source>“%1” will no longer be listed here and cannot be sent. Copy it first if you still need it.</source>
        <translation>“%1” will no longer be listed here and cannot be sent. Copy it first if you still need it.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Keep it</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Who uses this device</source>
        <translation>Who uses this device</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Not chosen</translation>
    </message>
    <message>
        <source>Data on this device: %1</source>
        <translation>Data on this device: %1</translation>
    </message>
    <message>
        <source>Department server</source>
        <translation>Department server</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Signed in as %1 on %2</translation>
    </message>
    <message>
        <source>Sign in to share this device&apos;s records with your department. Until then everything stays on this device.</source>
        <translation>Sign in to share this device&apos;s records with your department. Until then everything stays on this device.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Cancel sync</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Name of this device</source>
        <translation>Name of this device</translation>
    </message>
    <message>
        <source>Changes set aside (%1)</source>
        <translation>Changes set aside (%1)</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>No connection to the server. Your changes are safe on this device and will be sent when the connection returns.</source>
        <translation>No connection to the server. Your changes are safe on this device and will be sent when the connection returns.</translation>
    </message>
    <message>
        <source>The server is busy. The app will try again by itself.</source>
        <translation>The server is busy. The app will try again by itself.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified. Do not sign in on this network; tell your IT staff.</source>
        <translation>The server&apos;s identity could not be verified. Do not sign in on this network; tell your IT staff.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>Please sign in again to keep syncing. Nothing on this device is lost.</source>
        <translation>Please sign in again to keep syncing. Nothing on this device is lost.</translation>
    </message>
    <message>
        <source>This device was reported lost and its data was removed. Contact your IT staff.</source>
        <translation>This device was reported lost and its data was removed. Contact your IT staff.</translation>
    </message>
    <message>
        <source>This version of the app is too old for the server. Update the app.</source>
        <translation>This version of the app is too old for the server. Update the app.</translation>
    </message>
    <message>
        <source>The server is older than this app. Ask your IT staff to update it.</source>
        <translation>The server is older than this app. Ask your IT staff to update it.</translation>
    </message>
    <message>
        <source>The date and time of this device are wrong. Correct them, then sync.</source>
        <translation>The date and time of this device are wrong. Correct them, then sync.</translation>
    </message>
    <message>
        <source>Some changes belong to a mission you are no longer part of; they are kept on this device.</source>
        <translation>Some changes belong to a mission you are no longer part of; they are kept on this device.</translation>
    </message>
    <message>
        <source>The server refused a record; it is kept on this device. Open it and check its fields.</source>
        <translation>The server refused a record; it is kept on this device. Open it and check its fields.</translation>
    </message>
    <message>
        <source>The server address looks wrong, or the server answered something unexpected.</source>
        <translation>The server address looks wrong, or the server answered something unexpected.</translation>
    </message>
    <message>
        <source>The data on this device could not be written (is the device full?).</source>
        <translation>The data on this device could not be written (is the device full?).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Sending changes…</translation>
    </message>
    <message>
        <source>Receiving changes…</source>
        <translation>Receiving changes…</translation>
    </message>
    <message>
        <source>Sending photos and files…</source>
        <translation>Sending photos and files…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>This file is not on this device yet. Sign in to download it from your department&apos;s server.</source>
        <translation>This file is not on this device yet. Sign in to download it from your department&apos;s server.</translation>
    </message>
    <message>
        <source>No connection to the server. Try again when the device is online.</source>
        <translation>No connection to the server. Try again when the device is online.</translation>
    </message>
    <message>
        <source>The file could not be downloaded. Try again later.</source>
        <translation>The file could not be downloaded. Try again later.</translation>
    </message>
    <message>
        <source>The server&apos;s storage is full. Your changes are safe on this device and will be sent once your IT staff frees space; tell them.</source>
        <translation>The server&apos;s storage is full. Your changes are safe on this device and will be sent once your IT staff frees space; tell them.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Offline · %n change waiting</numerusform>
            <numerusform>Offline · %n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline · all saved on this device</source>
        <translation>Offline · all saved on this device</translation>
    </message>
    <message numerus="yes">
        <source>Not signed in · %n change(s) kept on this device</source>
        <translation>
            <numerusform>Not signed in · %n change kept on this device</numerusform>
            <numerusform>Not signed in · %n changes kept on this device</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in · working offline</source>
        <translation>Not signed in · working offline</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n change waiting</numerusform>
            <numerusform>%n changes waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synced %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>%1 — click to sync now</source>
        <translation>%1 — click to sync now</translation>
    </message>
    <message>
        <source>%1 — click to sign in</source>
        <translation>%1 — click to sign in</translation>
    </message>
    <message>
        <source>Opens the sign-in</source>
        <translation>Opens the sign-in</translation>
    </message>
    <message>
        <source>Syncs now</source>
        <translation>Syncs now</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Undo delete</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Close message</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Choose a mission on the left, or create one.</source>
        <translation>Choose a mission on the left, or create one.</translation>
    </message>
</context>
</TS>
