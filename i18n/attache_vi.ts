<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AppToolBar</name>
    <message>
        <source>Back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Attaché</source>
        <translation>Attaché</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>Tìm kiếm (Ctrl+F)</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Thêm nhanh đối tác</translation>
    </message>
    <message>
        <source>Save a contact in a few taps</source>
        <translation>Lưu đối tác chỉ với vài thao tác</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Trình đơn</translation>
    </message>
    <message>
        <source>All missions and reports</source>
        <translation>Tất cả các đoàn và báo cáo</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Conflicts to review (%1)</source>
        <translation>Xung đột cần xem lại (%1)</translation>
    </message>
    <message>
        <source>Sign in and sync</source>
        <translation>Đăng nhập và đồng bộ</translation>
    </message>
    <message>
        <source>Changes set aside (%1)</source>
        <translation>Thay đổi được giữ riêng (%1)</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Bảng tổng hợp</translation>
    </message>
    <message>
        <source>Follow-ups after return</source>
        <translation>Việc cần làm sau chuyến đi</translation>
    </message>
    <message>
        <source>Import and export contacts</source>
        <translation>Nhập và xuất danh bạ</translation>
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
        <translation>Đang tải về từ máy chủ…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Open with another app</source>
        <translation>Mở bằng ứng dụng khác</translation>
    </message>
    <message>
        <source>Downloading from the server… %1 %</source>
        <translation>Đang tải về từ máy chủ… %1 %</translation>
    </message>
    <message>
        <source>Download progress</source>
        <translation>Tiến độ tải</translation>
    </message>
    <message>
        <source>%1 % of the file is already on this device: trying again continues from there.</source>
        <translation>Đã có %1 % tệp trên thiết bị này: thử lại sẽ tải tiếp từ đó.</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Photo of the business card</source>
        <translation>Ảnh danh thiếp</translation>
    </message>
    <message>
        <source>Take the photo</source>
        <translation>Chụp</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>một người dùng</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Đã xóa</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Giữ lại</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <source>Conflicts to review</source>
        <translation>Xung đột cần xem lại</translation>
    </message>
    <message>
        <source>%1 “%2”: %3</source>
        <translation>%1 “%2”: %3</translation>
    </message>
    <message>
        <source>By %1, %2</source>
        <translation>%1, lúc %2</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Giữ giá trị này</translation>
    </message>
    <message>
        <source>Keep “%1”</source>
        <translation>Giữ “%1”</translation>
    </message>
    <message>
        <source>Open the record</source>
        <translation>Mở bản ghi</translation>
    </message>
    <message>
        <source>No conflicts. Everything synced agrees.</source>
        <translation>Không có xung đột. Dữ liệu đồng bộ đã thống nhất.</translation>
    </message>
</context>
<context>
    <name>ContactImportPage</name>
    <message>
        <source>Import and export contacts</source>
        <translation>Nhập và xuất danh bạ</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Đoàn công tác</translation>
    </message>
    <message>
        <source>No mission (all contacts)</source>
        <translation>Không thuộc đoàn nào (mọi đầu mối)</translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation>Nhập từ tệp…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Xuất…</translation>
    </message>
    <message>
        <source>vCard 4.0 (phones, Google, Outlook)</source>
        <translation>vCard 4.0 (điện thoại, Google, Outlook)</translation>
    </message>
    <message>
        <source>vCard 3.0 (older phones)</source>
        <translation>vCard 3.0 (điện thoại đời cũ)</translation>
    </message>
    <message>
        <source>CSV (Excel, Google Contacts)</source>
        <translation>CSV (Excel, Google Contacts)</translation>
    </message>
    <message>
        <source>%1 new, %2 to merge, %3 matching stored contacts</source>
        <translation>%1 mới, %2 gộp, %3 trùng với đầu mối đã có</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>Fills: %1</source>
        <translation>Bổ sung: %1</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gộp</translation>
    </message>
    <message>
        <source>Keep separate</source>
        <translation>Giữ riêng</translation>
    </message>
    <message>
        <source>Leave out</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Not imported</source>
        <translation>Không nhập được</translation>
    </message>
    <message>
        <source>Kept in the notes</source>
        <translation>Đã ghi vào phần ghi chú</translation>
    </message>
    <message>
        <source>Import contacts from a phone, Outlook or Google Contacts (vCard or CSV); contacts already stored are offered for merging.</source>
        <translation>Nhập danh bạ từ điện thoại, Outlook hoặc Google Contacts (vCard hoặc CSV); đầu mối đã có sẽ được đề nghị gộp.</translation>
    </message>
    <message>
        <source>Contacts file</source>
        <translation>Tệp danh bạ</translation>
    </message>
    <message>
        <source>Contacts (*.vcf *.vcard *.csv)</source>
        <translation>Danh bạ (*.vcf *.vcard *.csv)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Xuất danh bạ</translation>
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
        <translation>cùng e-mail %1</translation>
    </message>
    <message>
        <source>same phone %1</source>
        <translation>cùng số điện thoại %1</translation>
    </message>
    <message>
        <source>same name and organisation</source>
        <translation>cùng họ tên và cơ quan</translation>
    </message>
    <message>
        <source>%1 as line %2 of the file: combined with it</source>
        <extracomment>%1 is a reason such as &quot;same e-mail an@x.vn&quot;, %2 a line number of the file</extracomment>
        <translation>%1, trùng với đầu mối ở dòng %2 của tệp: đã gộp vào đầu mối đó</translation>
    </message>
    <message>
        <source>Lines %1–%2: %3</source>
        <translation>Dòng %1–%2: %3</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Dòng %1: %2</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(không có tên)</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>Đầu mối mới</translation>
    </message>
    <message>
        <source>Separate new contact</source>
        <translation>Đầu mối mới, giữ riêng</translation>
    </message>
    <message>
        <source>Merge into %1</source>
        <translation>Gộp vào %1</translation>
    </message>
    <message>
        <source>Combined with an earlier contact of the file</source>
        <translation>Đã gộp với một đầu mối trước đó trong tệp</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation>Không đọc được %1.</translation>
    </message>
    <message>
        <source>%1 is too big for a contacts file.</source>
        <translation>%1 quá lớn, không phải tệp danh bạ.</translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s)</source>
        <translation>
            <numerusform>%n đầu mối mới</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n merged</source>
        <translation>
            <numerusform>%n đã gộp</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n left out</source>
        <translation>
            <numerusform>%n bỏ qua</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not imported (see the lines)</source>
        <translation>
            <numerusform>%n không nhập được (xem các dòng)</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Không ghi được %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) saved to %1</source>
        <translation>
            <numerusform>Đã lưu %n đầu mối vào %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: the contact is imported, but its photo could not be kept (%2)</source>
        <translation>Dòng %1: đã nhập đầu mối nhưng không lưu được ảnh (%2)</translation>
    </message>
    <message>
        <source>Line %1: the photo is not kept: only a contact of a mission can have files attached</source>
        <translation>Dòng %1: ảnh không được lưu: chỉ đầu mối thuộc một đoàn mới đính kèm được tệp</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) attached</source>
        <translation>
            <numerusform>%n ảnh đã đính kèm</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is UTF-16 text; it was read as such.</source>
        <translation>Tệp được mã hóa UTF-16; đã đọc theo UTF-16.</translation>
    </message>
    <message>
        <source>The file has no byte-order mark; it was read as UTF-16LE text.</source>
        <translation>Tệp không có dấu thứ tự byte (BOM); đã đọc theo UTF-16LE.</translation>
    </message>
    <message>
        <source>The file is not UTF-8; it was read as windows-1252 text. Check the accented letters of the imported contacts.</source>
        <translation>Tệp không dùng bảng mã UTF-8; đã đọc theo bảng mã windows-1252. Hãy kiểm tra lại các chữ có dấu của những đầu mối được nhập.</translation>
    </message>
    <message>
        <source>the file looks like UTF-16 text but is not valid UTF-16; nothing imported</source>
        <translation>tệp có vẻ được mã hóa UTF-16 nhưng không phải UTF-16 hợp lệ; không nhập được gì</translation>
    </message>
    <message>
        <source>not part of any vCard</source>
        <translation>không thuộc thẻ vCard nào</translation>
    </message>
    <message>
        <source>the card has no END:VCARD before the next card; card skipped</source>
        <translation>thẻ không có END:VCARD trước thẻ tiếp theo; đã bỏ qua thẻ này</translation>
    </message>
    <message>
        <source>the card is cut off (the file ends before END:VCARD); card skipped</source>
        <translation>thẻ bị cắt cụt (tệp kết thúc trước END:VCARD); đã bỏ qua thẻ này</translation>
    </message>
    <message>
        <source>broken quoted-printable in %1 (“%2” is cut off); card skipped</source>
        <extracomment>%1 is a vCard property such as N or NOTE, %2 the escape as written (&quot;=C&quot;)</extracomment>
        <translation>lỗi mã quoted-printable ở %1 (“%2” bị cắt cụt); đã bỏ qua thẻ này</translation>
    </message>
    <message>
        <source>broken quoted-printable in %1 (“%2” is not a quoted-printable escape); card skipped</source>
        <extracomment>%1 is a vCard property such as N or NOTE, %2 the escape as written (&quot;=G5&quot;)</extracomment>
        <translation>lỗi mã quoted-printable ở %1 (“%2” không phải mã quoted-printable hợp lệ); đã bỏ qua thẻ này</translation>
    </message>
    <message>
        <source>broken base64 in %1; card skipped</source>
        <extracomment>%1 is a vCard property such as NOTE</extracomment>
        <translation>lỗi mã base64 ở %1; đã bỏ qua thẻ này</translation>
    </message>
    <message>
        <source>%1 is not valid %2 text; card skipped</source>
        <extracomment>%1 is a vCard property such as FN, %2 a character set such as ISO-8859-1</extracomment>
        <translation>%1 không phải văn bản %2 hợp lệ; đã bỏ qua thẻ này</translation>
    </message>
    <message>
        <source>the card has no name, organisation or e-mail address; card skipped</source>
        <translation>thẻ không có họ tên, cơ quan hay địa chỉ e-mail; đã bỏ qua thẻ này</translation>
    </message>
    <message>
        <source>a quoted field is never closed (the file ends inside it); record skipped</source>
        <translation>một ô trong dấu ngoặc kép không được đóng lại (tệp kết thúc giữa ô đó); đã bỏ qua bản ghi này</translation>
    </message>
    <message>
        <source>the first line is not a contacts header (no name or e-mail column); file skipped</source>
        <translation>dòng đầu không phải dòng tiêu đề của danh bạ (không có cột họ tên hay e-mail); đã bỏ qua cả tệp</translation>
    </message>
    <message>
        <source>the file ends in the middle of this record (fewer values than columns, no line end); record skipped</source>
        <translation>tệp kết thúc giữa bản ghi này (ít giá trị hơn số cột, không có dấu xuống dòng); đã bỏ qua bản ghi này</translation>
    </message>
    <message>
        <source>the record has no name, organisation or e-mail address; record skipped</source>
        <translation>bản ghi không có họ tên, cơ quan hay địa chỉ e-mail; đã bỏ qua bản ghi này</translation>
    </message>
    <message>
        <source>the file is neither vCard nor CSV; nothing imported</source>
        <translation>tệp không phải vCard cũng không phải CSV; không nhập được gì</translation>
    </message>
    <message>
        <source>%1 The contact is not imported.</source>
        <extracomment>%1 is why the local store refused the contact, a sentence (&quot;Full name: This text is too long.&quot;)</extracomment>
        <translation>%1 Đầu mối này không được nhập.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address; kept in the notes</source>
        <translation>“%1” không phải địa chỉ e-mail; đã giữ lại trong ghi chú</translation>
    </message>
    <message>
        <source>“%1” is not a phone number; kept in the notes</source>
        <translation>“%1” không phải số điện thoại; đã giữ lại trong ghi chú</translation>
    </message>
    <message>
        <source>“%1” is not a web address; kept in the notes</source>
        <translation>“%1” không phải địa chỉ trang web; đã giữ lại trong ghi chú</translation>
    </message>
    <message>
        <source>the country “%1” is not one Attaché knows; kept in the notes</source>
        <translation>Attaché không nhận ra quốc gia “%1”; đã giữ lại trong ghi chú</translation>
    </message>
    <message>
        <source>not a vCard property; kept in the notes</source>
        <translation>không phải thuộc tính vCard; đã giữ lại trong ghi chú</translation>
    </message>
    <message>
        <source>text without a character set is not UTF-8; read as windows-1252</source>
        <translation>văn bản không ghi bảng mã và không phải UTF-8; đã đọc theo bảng mã windows-1252</translation>
    </message>
    <message>
        <source>unknown character set “%1”; the text was read as UTF-8 or windows-1252</source>
        <translation>không rõ bảng mã “%1”; đã đọc văn bản theo UTF-8 hoặc windows-1252</translation>
    </message>
    <message>
        <source>the photo could not be decoded; left out</source>
        <translation>không giải mã được ảnh; đã bỏ qua ảnh</translation>
    </message>
    <message>
        <source>more values than columns; the extra value is kept in the notes</source>
        <translation>nhiều giá trị hơn số cột; giá trị thừa đã được giữ lại trong ghi chú</translation>
    </message>
    <message>
        <source>the photo will be attached to the contact (only if it belongs to a mission)</source>
        <translation>ảnh sẽ được đính kèm vào đầu mối (chỉ khi đầu mối thuộc một đoàn)</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
</context>
<context>
    <name>Country</name>
    <message>
        <source>en</source>
        <comment>The code of this translation&apos;s language: vi or en</comment>
        <translation>vi</translation>
    </message>
</context>
<context>
    <name>DashboardModel</name>
    <message>
        <source>Type dates as dd/mm/yyyy.</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy.</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Ngày kết thúc trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>Custom period…</source>
        <translation>Khoảng thời gian khác…</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>Năm %1</translation>
    </message>
    <message>
        <source>All missions</source>
        <translation>Tất cả các đoàn</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>Từ %1</translation>
    </message>
    <message>
        <source>Until %1</source>
        <translation>Đến %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>Missions</source>
        <translation>Đoàn công tác</translation>
    </message>
    <message>
        <source>Person-trips</source>
        <translation>Lượt cán bộ</translation>
    </message>
    <message>
        <source>Missions and their people</source>
        <translation>Các đoàn và lượt cán bộ</translation>
    </message>
    <message>
        <source>Officials who travelled</source>
        <translation>Số cán bộ đi công tác</translation>
    </message>
    <message>
        <source>Working meetings</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <source>Agreements signed</source>
        <translation>Thỏa thuận đã ký</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <source>Pledged capital</source>
        <translation>Vốn dự kiến đầu tư</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Dự án đầu tư</translation>
    </message>
    <message>
        <source>Pledged capital (%1)</source>
        <translation>Vốn dự kiến đầu tư (%1)</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>Việc chưa xong</translation>
    </message>
    <message>
        <source>Follow-ups overdue</source>
        <translation>Việc quá hạn</translation>
    </message>
    <message>
        <source>Missions to %1</source>
        <translation>Các đoàn đi %1</translation>
    </message>
    <message>
        <source>Missions starting in %1</source>
        <translation>Các đoàn khởi hành trong %1</translation>
    </message>
    <message>
        <source>Agreements in %1</source>
        <translation>Thỏa thuận về %1</translation>
    </message>
    <message>
        <source>%1 missions with %2 person-trips</source>
        <translation>%1 đoàn với %2 lượt cán bộ</translation>
    </message>
    <message>
        <source>Save the summary as a .pdf or .csv file.</source>
        <translation>Hãy lưu báo cáo tổng kết thành tệp .pdf hoặc .csv.</translation>
    </message>
    <message>
        <source>Could not save the summary: %1</source>
        <translation>Không lưu được báo cáo tổng kết: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>Bảng tổng hợp</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Xem</translation>
    </message>
    <message>
        <source>Missions by country</source>
        <translation>Đoàn theo nước đến</translation>
    </message>
    <message>
        <source>No mission in this period.</source>
        <translation>Không có đoàn nào trong thời gian này.</translation>
    </message>
    <message>
        <source>Missions by month</source>
        <translation>Đoàn theo tháng</translation>
    </message>
    <message>
        <source>Agreements by field of cooperation</source>
        <translation>Thỏa thuận theo lĩnh vực hợp tác</translation>
    </message>
    <message>
        <source>No agreement in this period.</source>
        <translation>Không có thỏa thuận nào trong thời gian này.</translation>
    </message>
    <message>
        <source>The missions you lead or belong to</source>
        <translation>Các đoàn bạn làm trưởng đoàn hoặc tham gia</translation>
    </message>
    <message>
        <source>Summary saved to %1</source>
        <translation>Đã lưu báo cáo tổng kết vào %1</translation>
    </message>
    <message>
        <source>Save the summary</source>
        <translation>Lưu báo cáo tổng kết</translation>
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
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Save the summary…</source>
        <translation>Lưu báo cáo tổng kết…</translation>
    </message>
    <message>
        <source>As PDF (báo cáo tổng kết)</source>
        <translation>Dạng PDF (báo cáo tổng kết)</translation>
    </message>
    <message>
        <source>As CSV (Excel)</source>
        <translation>Dạng CSV (Excel)</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>dd/mm/yyyy hh:mm</source>
        <translation>nn/tt/nnnn gg:pp</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>nn/tt/nnnn</translation>
    </message>
    <message>
        <source>Pick %1 on a calendar</source>
        <translation>Chọn %1 trên lịch</translation>
    </message>
</context>
<context>
    <name>DatePickerDialog</name>
    <message>
        <source>Pick a date</source>
        <translation>Chọn ngày</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Tháng sau</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>DocumentSaver</name>
    <message>
        <source>Save the report as a .pdf or .csv file.</source>
        <translation>Hãy lưu báo cáo thành tệp .pdf hoặc .csv.</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>Không lưu được báo cáo: %1</translation>
    </message>
</context>
<context>
    <name>DrillDownModel</name>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n người</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n mission(s)</source>
        <translation>
            <numerusform>%n đoàn</numerusform>
        </translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>hạn %1</translation>
    </message>
</context>
<context>
    <name>DrillDownPage</name>
    <message>
        <source>No record behind this figure.</source>
        <translation>Không có bản ghi nào cho số liệu này.</translation>
    </message>
</context>
<context>
    <name>Enum</name>
    <message>
        <source>Planned</source>
        <translation>Dự kiến</translation>
    </message>
    <message>
        <source>Under way</source>
        <translation>Đang công tác</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Đã về nước</translation>
    </message>
    <message>
        <source>Report filed</source>
        <translation>Đã nộp báo cáo</translation>
    </message>
    <message>
        <source>Report approved</source>
        <translation>Báo cáo đã duyệt</translation>
    </message>
    <message>
        <source>Memorandum of understanding</source>
        <translation>Biên bản ghi nhớ (MoU)</translation>
    </message>
    <message>
        <source>Cooperation agreement</source>
        <translation>Thỏa thuận hợp tác</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Hợp đồng</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Khác</translation>
    </message>
    <message>
        <source>Under negotiation</source>
        <translation>Đang đàm phán</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Đã ký</translation>
    </message>
    <message>
        <source>In implementation</source>
        <translation>Đang triển khai</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Hết hiệu lực</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Trade</source>
        <translation>Thương mại</translation>
    </message>
    <message>
        <source>Investment</source>
        <translation>Đầu tư</translation>
    </message>
    <message>
        <source>Agriculture</source>
        <translation>Nông nghiệp</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Giáo dục</translation>
    </message>
    <message>
        <source>Culture</source>
        <translation>Văn hóa</translation>
    </message>
    <message>
        <source>Tourism</source>
        <translation>Du lịch</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Y tế</translation>
    </message>
    <message>
        <source>Technology</source>
        <translation>Công nghệ</translation>
    </message>
    <message>
        <source>Labour</source>
        <translation>Lao động</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Môi trường</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Giao thông vận tải</translation>
    </message>
    <message>
        <source>Trade fair</source>
        <translation>Hội chợ</translation>
    </message>
    <message>
        <source>Exhibition</source>
        <translation>Triển lãm</translation>
    </message>
    <message>
        <source>Investment conference</source>
        <translation>Hội nghị xúc tiến đầu tư</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Hội thảo</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>Quan tâm</translation>
    </message>
    <message>
        <source>Committed</source>
        <translation>Cam kết</translation>
    </message>
    <message>
        <source>Licensed</source>
        <translation>Đã cấp phép</translation>
    </message>
    <message>
        <source>Abandoned</source>
        <translation>Đã dừng</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Returned for changes</source>
        <translation>Trả lại để bổ sung</translation>
    </message>
</context>
<context>
    <name>Error</name>
    <message>
        <source>This field is required.</source>
        <translation>Trường này là bắt buộc.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Đây không phải là địa chỉ e-mail.</translation>
    </message>
    <message>
        <source>This is not a phone number.</source>
        <translation>Đây không phải là số điện thoại.</translation>
    </message>
    <message>
        <source>This is not a web address.</source>
        <translation>Đây không phải là địa chỉ trang web.</translation>
    </message>
    <message>
        <source>Choose a country from the list.</source>
        <translation>Hãy chọn một quốc gia trong danh sách.</translation>
    </message>
    <message>
        <source>Choose a currency such as USD or VND.</source>
        <translation>Hãy chọn đơn vị tiền tệ, ví dụ USD hoặc VND.</translation>
    </message>
    <message>
        <source>Enter a positive amount.</source>
        <translation>Hãy nhập một số tiền dương.</translation>
    </message>
    <message>
        <source>Enter a date as dd/mm/yyyy.</source>
        <translation>Hãy nhập ngày theo dạng nn/tt/nnnn.</translation>
    </message>
    <message>
        <source>Enter a date and time as dd/mm/yyyy hh:mm.</source>
        <translation>Hãy nhập ngày giờ theo dạng nn/tt/nnnn gg:pp.</translation>
    </message>
    <message>
        <source>Choose a value from the list.</source>
        <translation>Hãy chọn một giá trị trong danh sách.</translation>
    </message>
    <message>
        <source>Enter a whole number.</source>
        <translation>Hãy nhập một số nguyên.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Nội dung quá dài.</translation>
    </message>
    <message>
        <source>This date must not be before the start date.</source>
        <translation>Ngày này không được trước ngày bắt đầu.</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>Bản ghi này không còn nữa.</translation>
    </message>
    <message>
        <source>The device is full: free some space and try again.</source>
        <translation>Bộ nhớ thiết bị đã đầy: hãy giải phóng dung lượng rồi thử lại.</translation>
    </message>
    <message>
        <source>The data is busy: try again in a moment.</source>
        <translation>Dữ liệu đang bận: hãy thử lại sau giây lát.</translation>
    </message>
    <message>
        <source>This device&apos;s storage is read-only: nothing was saved, and what is already saved is safe.</source>
        <translation>Bộ nhớ của thiết bị đang ở chế độ chỉ đọc: chưa lưu được gì, dữ liệu đã lưu vẫn an toàn.</translation>
    </message>
    <message>
        <source>The local data is not open yet.</source>
        <translation>Dữ liệu trên máy chưa được mở.</translation>
    </message>
    <message>
        <source>The local data file cannot be opened.</source>
        <translation>Không mở được tệp dữ liệu trên máy.</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>Không đọc được tệp.</translation>
    </message>
    <message>
        <source>Something went wrong (%1).</source>
        <translation>Đã xảy ra lỗi (%1).</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Sign in once so that this device knows your organisation.</source>
        <translation>Hãy đăng nhập một lần để thiết bị biết cơ quan của anh/chị.</translation>
    </message>
    <message>
        <source>Open a mission first: photos are kept with a mission.</source>
        <translation>Hãy mở một đoàn trước: ảnh được lưu kèm đoàn công tác.</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Title</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Decision number</source>
        <translation>Số quyết định cử đoàn</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Ngày quyết định</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Các nước đến</translation>
    </message>
    <message>
        <source>Cities</source>
        <translation>Thành phố</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Ngày bắt đầu</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Ngày kết thúc</translation>
    </message>
    <message>
        <source>Head of delegation</source>
        <translation>Trưởng đoàn</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Thành viên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Ngày giờ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Địa điểm</translation>
    </message>
    <message>
        <source>Counterpart</source>
        <translation>Đối tác làm việc</translation>
    </message>
    <message>
        <source>Counterpart&apos;s country</source>
        <translation>Nước của đối tác</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Người tham dự</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Nội dung trao đổi</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Signed at meeting</source>
        <translation>Ký tại buổi làm việc</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Parties</source>
        <translation>Các bên</translation>
    </message>
    <message>
        <source>Signing date</source>
        <translation>Ngày ký</translation>
    </message>
    <message>
        <source>Signing place</source>
        <translation>Nơi ký</translation>
    </message>
    <message>
        <source>Signatories</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Fields of cooperation</source>
        <translation>Lĩnh vực hợp tác</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Hiệu lực đến</translation>
    </message>
    <message>
        <source>Committed value</source>
        <translation>Giá trị cam kết</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Thành phố</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Quốc gia</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Gian hàng</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Cơ quan, tổ chức</translation>
    </message>
    <message>
        <source>E-mail addresses</source>
        <translation>Địa chỉ e-mail</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Số điện thoại</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Trang web</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Interests</source>
        <translation>Lĩnh vực quan tâm</translation>
    </message>
    <message>
        <source>Met at event</source>
        <translation>Gặp tại sự kiện</translation>
    </message>
    <message>
        <source>Met at meeting</source>
        <translation>Gặp tại buổi làm việc</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Nhãn</translation>
    </message>
    <message>
        <source>Agreed to be contacted</source>
        <translation>Đồng ý được liên hệ</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Doanh nghiệp</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Ngành</translation>
    </message>
    <message>
        <source>Pledged capital</source>
        <translation>Vốn dự kiến đầu tư</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Việc cần làm</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Hạn hoàn thành</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Nhận xét</translation>
    </message>
    <message>
        <source>Counterpart contacts</source>
        <translation>Người liên hệ phía bạn</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Đầu mối liên hệ</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Đoàn công tác</translation>
    </message>
    <message>
        <source>Comes from (type of record)</source>
        <translation>Phát sinh từ (loại bản ghi)</translation>
    </message>
    <message>
        <source>Comes from</source>
        <translation>Phát sinh từ</translation>
    </message>
</context>
<context>
    <name>FirstStartPage</name>
    <message>
        <source>Welcome to Attaché</source>
        <translation>Chào mừng đến với Attaché</translation>
    </message>
    <message>
        <source>Record your mission&apos;s meetings, agreements and contacts on this device, with or without a connection. Sign in to share them with your department.</source>
        <translation>Ghi lại các buổi làm việc, thỏa thuận và đối tác của đoàn ngay trên thiết bị này, dù có kết nối mạng hay không. Đăng nhập để chia sẻ với cơ quan.</translation>
    </message>
    <message>
        <source>Sign in to your department&apos;s server</source>
        <translation>Đăng nhập máy chủ của cơ quan</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Name of this device</source>
        <translation>Tên thiết bị này</translation>
    </message>
    <message>
        <source>e.g. Hạnh&apos;s phone</source>
        <translation>ví dụ: Điện thoại của Hạnh</translation>
    </message>
    <message>
        <source>Your IT staff see this name in the list of devices, for example to block a lost phone.</source>
        <translation>Bộ phận công nghệ thông tin thấy tên này trong danh sách thiết bị, chẳng hạn khi cần khóa một điện thoại bị mất.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Work offline, sign in later</source>
        <translation>Làm việc ngoại tuyến, đăng nhập sau</translation>
    </message>
    <message>
        <source>Everything works offline, including new missions. Sign in later from the menu ⋮ → Settings; nothing you record before is lost.</source>
        <translation>Mọi chức năng đều dùng được khi ngoại tuyến, kể cả tạo đoàn mới. Có thể đăng nhập sau trong trình đơn ⋮ → Cài đặt; những gì đã ghi trước đó không bị mất.</translation>
    </message>
</context>
<context>
    <name>FollowUpDelegate</name>
    <message>
        <source>Due %1</source>
        <translation>Hạn %1</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Chưa có hạn</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <source>Due</source>
        <translation>Đến hạn</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>Chưa có người phụ trách</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Tất cả mọi người</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>Từ %1: %2</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Follow-ups after return</source>
        <translation>Việc cần làm sau chuyến đi</translation>
    </message>
    <message>
        <source>%1 due · %2 overdue · %3 done</source>
        <translation>%1 đến hạn · %2 quá hạn · %3 đã xong</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Group by owner</source>
        <translation>Nhóm theo người phụ trách</translation>
    </message>
    <message>
        <source>No follow-up matches these filters.</source>
        <translation>Không có việc nào khớp bộ lọc.</translation>
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
        <translation>Mỗi dòng một mục</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>Organisation</source>
        <translation>Cơ quan, tổ chức</translation>
    </message>
    <message>
        <source>Official</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Mission</source>
        <translation>Đoàn công tác</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Thỏa thuận</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <source>Investment lead</source>
        <translation>Dự án đầu tư tiềm năng</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Việc triển khai</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Ý kiến duyệt</translation>
    </message>
</context>
<context>
    <name>KindPlural</name>
    <message>
        <source>Missions</source>
        <translation>Đoàn công tác</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Thỏa thuận</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Dự án đầu tư</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Triển khai sau chuyến đi</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Ý kiến duyệt</translation>
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
        <translation>Đã xóa “%1”</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>Đã đăng nhập: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) could not be sent and are kept on this device: see why under ⋮ → Changes set aside.</source>
        <translation>
            <numerusform>%n thay đổi không gửi được và vẫn được giữ trên thiết bị này: xem lý do trong ⋮ → Thay đổi được giữ riêng.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ManagerPage</name>
    <message>
        <source>All missions</source>
        <translation>Tất cả các đoàn</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Quốc gia</translation>
    </message>
    <message>
        <source>No mission matches these filters.</source>
        <translation>Không có đoàn nào phù hợp với bộ lọc.</translation>
    </message>
</context>
<context>
    <name>MissionListPage</name>
    <message>
        <source>My missions</source>
        <translation>Đoàn công tác của tôi</translation>
    </message>
    <message>
        <source>No missions yet. Create the first one with the + button.</source>
        <translation>Chưa có đoàn nào. Tạo đoàn đầu tiên bằng nút +.</translation>
    </message>
    <message>
        <source>New mission</source>
        <translation>Đoàn mới</translation>
    </message>
</context>
<context>
    <name>MissionModel</name>
    <message>
        <source>All years</source>
        <translation>Tất cả các năm</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All countries</source>
        <translation>Tất cả các nước</translation>
    </message>
</context>
<context>
    <name>MissionPage</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Thỏa thuận</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Dự án đầu tư</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Triển khai sau chuyến đi</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Edit mission</source>
        <translation>Sửa thông tin đoàn</translation>
    </message>
    <message>
        <source>Mission report</source>
        <translation>Báo cáo kết quả chuyến công tác</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Thêm nhanh đối tác</translation>
    </message>
    <message>
        <source>Delete mission</source>
        <translation>Xóa đoàn</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Chưa có nội dung nào.</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>%1 mới</translation>
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
        <translation>Tiền tệ</translation>
    </message>
</context>
<context>
    <name>MultiChoiceField</name>
    <message>
        <source>Remove %1</source>
        <translation>Bỏ %1</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Thêm…</translation>
    </message>
    <message>
        <source>Add to %1</source>
        <translation>Thêm vào %1</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>%1 – %2 (ends before it starts: check the dates)</source>
        <translation>%1 – %2 (kết thúc trước khi bắt đầu: hãy kiểm tra lại ngày)</translation>
    </message>
</context>
<context>
    <name>QuickContactDialog</name>
    <message>
        <source>Quick contact</source>
        <translation>Thêm nhanh đối tác</translation>
    </message>
    <message>
        <source>Contact saved</source>
        <translation>Đã lưu đối tác</translation>
    </message>
    <message>
        <source>Business card photo…</source>
        <translation>Ảnh danh thiếp…</translation>
    </message>
    <message>
        <source>Attach a photo of the business card</source>
        <translation>Đính kèm ảnh danh thiếp</translation>
    </message>
    <message>
        <source>Open a mission to attach a photo</source>
        <translation>Mở một đoàn để đính kèm ảnh</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Save contact</source>
        <translation>Lưu đối tác</translation>
    </message>
    <message>
        <source>Photo of the business card</source>
        <translation>Ảnh danh thiếp</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.heic)</source>
        <translation>Ảnh (*.jpg *.jpeg *.png *.heic)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Take a photo…</source>
        <translation>Chụp ảnh…</translation>
    </message>
    <message>
        <source>Take a photo of the business card</source>
        <translation>Chụp ảnh danh thiếp</translation>
    </message>
    <message>
        <source>No camera found on this device: choose a photo file instead.</source>
        <translation>Thiết bị này không có camera: hãy chọn một tệp ảnh.</translation>
    </message>
    <message>
        <source>The camera cannot be used in this version of the app: choose a photo file instead.</source>
        <translation>Không dùng được camera trong phiên bản ứng dụng này: hãy chọn một tệp ảnh.</translation>
    </message>
</context>
<context>
    <name>RecordDelegate</name>
    <message>
        <source>Actions for %1</source>
        <translation>Thao tác với %1</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
</context>
<context>
    <name>RecordDetails</name>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Some fields need attention.</source>
        <translation>Một số trường cần xem lại.</translation>
    </message>
</context>
<context>
    <name>RecordFormPage</name>
    <message>
        <source>New %1</source>
        <translation>%1 mới</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Mở %1</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Attach a photo or a file</source>
        <translation>Đính kèm ảnh hoặc tệp</translation>
    </message>
    <message>
        <source>%1 is attached when you save</source>
        <translation>%1 sẽ được đính kèm khi lưu</translation>
    </message>
    <message>
        <source>Do not attach this file</source>
        <translation>Không đính kèm tệp này</translation>
    </message>
    <message>
        <source>From %1: %2</source>
        <translation>Từ %1: %2</translation>
    </message>
    <message>
        <source>Add a follow-up</source>
        <translation>Thêm việc triển khai</translation>
    </message>
    <message>
        <source>Add a follow-up to this %1</source>
        <translation>Thêm việc triển khai cho %1 này</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>(not on this device)</source>
        <translation>(không có trên thiết bị này)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Bỏ %1</translation>
    </message>
    <message>
        <source>Type a name to find it</source>
        <translation>Gõ tên để tìm</translation>
    </message>
    <message>
        <source>Nothing to choose from in this mission yet</source>
        <translation>Đoàn chưa có mục nào để chọn</translation>
    </message>
    <message>
        <source>Find: %1</source>
        <translation>Tìm: %1</translation>
    </message>
</context>
<context>
    <name>ReportController</name>
    <message>
        <source>Missions</source>
        <translation>Đoàn công tác</translation>
    </message>
    <message>
        <source>Person-trips</source>
        <translation>Lượt cán bộ</translation>
    </message>
    <message>
        <source>Officials who travelled</source>
        <translation>Số cán bộ đi công tác</translation>
    </message>
    <message>
        <source>Working meetings</source>
        <translation>Buổi làm việc</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Thỏa thuận</translation>
    </message>
    <message>
        <source>Agreements signed</source>
        <translation>Thỏa thuận đã ký</translation>
    </message>
    <message>
        <source>Agreements in %1</source>
        <translation>Thỏa thuận về %1</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Đối tác</translation>
    </message>
    <message>
        <source>Investment leads</source>
        <translation>Dự án đầu tư</translation>
    </message>
    <message>
        <source>Pledged capital</source>
        <translation>Vốn dự kiến đầu tư</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>Việc chưa xong</translation>
    </message>
    <message>
        <source>Follow-ups overdue</source>
        <translation>Việc quá hạn</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>Việc đã xong</translation>
    </message>
    <message>
        <source>%1 missions with %2 person-trips</source>
        <translation>%1 đoàn với %2 lượt cán bộ</translation>
    </message>
    <message>
        <source>Say what the delegation should change.</source>
        <translation>Hãy ghi rõ đoàn cần bổ sung, sửa đổi gì.</translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message>
        <source>Mission report</source>
        <translation>Báo cáo kết quả chuyến công tác</translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation>Ý kiến duyệt</translation>
    </message>
    <message>
        <source>Not reviewed yet.</source>
        <translation>Chưa có ý kiến duyệt.</translation>
    </message>
    <message>
        <source>Your review</source>
        <translation>Ý kiến của anh/chị</translation>
    </message>
    <message>
        <source>Comment (needed to return the report)</source>
        <translation>Nhận xét (bắt buộc khi trả lại báo cáo)</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Nhận xét duyệt</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Return with comment</source>
        <translation>Trả lại kèm nhận xét</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Đã lưu báo cáo vào %1</translation>
    </message>
    <message>
        <source>Save the mission report</source>
        <translation>Lưu báo cáo kết quả chuyến công tác</translation>
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
        <translation>Lưu dạng PDF…</translation>
    </message>
    <message>
        <source>Save as CSV…</source>
        <translation>Lưu dạng CSV…</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search</source>
        <translation>Tìm kiếm</translation>
    </message>
    <message>
        <source>Search missions, meetings, contacts…</source>
        <translation>Tìm đoàn, buổi làm việc, đối tác…</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Không tìm thấy “%1”.</translation>
    </message>
</context>
<context>
    <name>SetAsideModel</name>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <source>You were removed from this mission, so the server no longer accepts changes to it from you.</source>
        <translation>Anh/chị không còn là thành viên của đoàn này, nên máy chủ không nhận thay đổi của anh/chị cho đoàn này nữa.</translation>
    </message>
    <message>
        <source>This record was moved to a mission you are not a member of, so your changes to it could not be sent.</source>
        <translation>Bản ghi này đã được chuyển sang một đoàn mà anh/chị không phải là thành viên, nên thay đổi của anh/chị không gửi được.</translation>
    </message>
    <message>
        <source>A colleague changed the same fields at the same time and their values were kept; the record then left this device before you could review yours.</source>
        <translation>Một đồng nghiệp đã sửa cùng các trường vào cùng lúc và giá trị của họ được giữ lại; sau đó bản ghi rời khỏi thiết bị này trước khi anh/chị kịp xem lại giá trị của mình.</translation>
    </message>
    <message>
        <source>The server could not take these changes from this device.</source>
        <translation>Máy chủ không nhận được các thay đổi này từ thiết bị này.</translation>
    </message>
    <message>
        <source>Copy the text and send it to a colleague still on the mission, who can enter it again; or ask your manager to add you back, then enter it again yourself.</source>
        <translation>Sao chép nội dung và gửi cho một đồng nghiệp còn trong đoàn để nhập lại; hoặc đề nghị lãnh đạo đưa anh/chị trở lại đoàn, rồi tự nhập lại.</translation>
    </message>
    <message>
        <source>Copy the text and pass it to a member of the mission the record now belongs to, who can enter it again.</source>
        <translation>Sao chép nội dung và chuyển cho một thành viên của đoàn hiện giữ bản ghi này để nhập lại.</translation>
    </message>
    <message>
        <source>Copy your values and compare them with the record a colleague on the mission sees; re-enter what is still right.</source>
        <translation>Sao chép các giá trị của anh/chị và so với bản ghi mà đồng nghiệp trong đoàn đang thấy; nhập lại những gì vẫn đúng.</translation>
    </message>
    <message>
        <source>Copy the text and enter it again where it belongs.</source>
        <translation>Sao chép nội dung và nhập lại vào đúng chỗ.</translation>
    </message>
    <message>
        <source>(its name is no longer on this device)</source>
        <translation>(tên bản ghi không còn trên thiết bị này)</translation>
    </message>
    <message>
        <source>The server refused your changes to this record: it is outside the missions you now belong to (you were removed from the mission, or your role changed).</source>
        <translation>Máy chủ không nhận thay đổi của anh/chị cho bản ghi này: bản ghi nằm ngoài các đoàn anh/chị đang tham gia (anh/chị đã được rút khỏi đoàn, hoặc vai trò của anh/chị đã thay đổi).</translation>
    </message>
    <message>
        <source>Copy the text and send it to a colleague on the mission, who can enter it again; or ask your manager for access, then enter it again yourself.</source>
        <translation>Sao chép nội dung và gửi cho một đồng nghiệp trong đoàn để nhập lại; hoặc đề nghị lãnh đạo cấp quyền, rồi tự nhập lại.</translation>
    </message>
</context>
<context>
    <name>SetAsidePage</name>
    <message>
        <source>Changes set aside</source>
        <translation>Thay đổi được giữ riêng</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Set aside %1 · changed: %2</source>
        <translation>Giữ riêng lúc %1 · đã sửa: %2</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Đã sao chép</translation>
    </message>
    <message>
        <source>Nothing set aside: every change on this device can be sent.</source>
        <translation>Không có gì bị giữ riêng: mọi thay đổi trên thiết bị này đều gửi được.</translation>
    </message>
    <message>
        <source>The server no longer takes these changes from this device. They are kept here, never lost: each says why, and what you can do.</source>
        <translation>Máy chủ không còn nhận các thay đổi này từ thiết bị này. Chúng được giữ lại ở đây, không bị mất: mỗi mục ghi rõ lý do và việc anh/chị có thể làm.</translation>
    </message>
    <message>
        <source>What you can do: %1</source>
        <translation>Việc anh/chị có thể làm: %1</translation>
    </message>
    <message>
        <source>Copy %1</source>
        <translation>Sao chép %1</translation>
    </message>
    <message>
        <source>Dismiss %1</source>
        <translation>Bỏ qua %1</translation>
    </message>
    <message>
        <source>Dismiss this change?</source>
        <translation>Bỏ qua thay đổi này?</translation>
    </message>
    <message>
        <source>“%1” will no longer be listed here and cannot be sent. Copy it first if you still need it.</source>
        <translation>“%1” sẽ không còn hiện ở đây và không thể gửi đi. Hãy sao chép trước nếu anh/chị còn cần.</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Giữ lại</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Giao diện</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Sáng</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Tối</translation>
    </message>
    <message>
        <source>Who uses this device</source>
        <translation>Người dùng thiết bị này</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Chưa chọn</translation>
    </message>
    <message>
        <source>Data on this device: %1</source>
        <translation>Dữ liệu trên thiết bị: %1</translation>
    </message>
    <message>
        <source>Department server</source>
        <translation>Máy chủ của cơ quan</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Đã đăng nhập: %1 trên %2</translation>
    </message>
    <message>
        <source>Sign in to share this device&apos;s records with your department. Until then everything stays on this device.</source>
        <translation>Đăng nhập để chia sẻ dữ liệu của thiết bị với cơ quan. Trước khi đăng nhập, mọi dữ liệu chỉ lưu trên thiết bị này.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Địa chỉ máy chủ</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Đang đăng nhập…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Cancel sync</source>
        <translation>Dừng đồng bộ</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Đăng xuất</translation>
    </message>
    <message>
        <source>Name of this device</source>
        <translation>Tên thiết bị này</translation>
    </message>
    <message>
        <source>Changes set aside (%1)</source>
        <translation>Thay đổi được giữ riêng (%1)</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>No connection to the server. Your changes are safe on this device and will be sent when the connection returns.</source>
        <translation>Không kết nối được máy chủ. Các thay đổi vẫn an toàn trên thiết bị và sẽ được gửi khi có kết nối.</translation>
    </message>
    <message>
        <source>The server is busy. The app will try again by itself.</source>
        <translation>Máy chủ đang bận. Ứng dụng sẽ tự thử lại.</translation>
    </message>
    <message>
        <source>The server&apos;s identity could not be verified. Do not sign in on this network; tell your IT staff.</source>
        <translation>Không xác minh được danh tính máy chủ. Đừng đăng nhập trên mạng này; hãy báo bộ phận CNTT.</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>Sai tên đăng nhập hoặc mật khẩu.</translation>
    </message>
    <message>
        <source>Please sign in again to keep syncing. Nothing on this device is lost.</source>
        <translation>Hãy đăng nhập lại để tiếp tục đồng bộ. Dữ liệu trên thiết bị không bị mất.</translation>
    </message>
    <message>
        <source>This device was reported lost and its data was removed. Contact your IT staff.</source>
        <translation>Thiết bị này đã được báo mất và dữ liệu đã bị xóa. Hãy liên hệ bộ phận CNTT.</translation>
    </message>
    <message>
        <source>This version of the app is too old for the server. Update the app.</source>
        <translation>Phiên bản ứng dụng quá cũ so với máy chủ. Hãy cập nhật ứng dụng.</translation>
    </message>
    <message>
        <source>The server is older than this app. Ask your IT staff to update it.</source>
        <translation>Máy chủ cũ hơn ứng dụng. Hãy đề nghị bộ phận CNTT cập nhật máy chủ.</translation>
    </message>
    <message>
        <source>The date and time of this device are wrong. Correct them, then sync.</source>
        <translation>Ngày giờ của thiết bị bị sai. Hãy chỉnh lại rồi đồng bộ.</translation>
    </message>
    <message>
        <source>Some changes belong to a mission you are no longer part of; they are kept on this device.</source>
        <translation>Một số thay đổi thuộc đoàn mà anh/chị không còn tham gia; chúng được giữ lại trên thiết bị.</translation>
    </message>
    <message>
        <source>The server refused a record; it is kept on this device. Open it and check its fields.</source>
        <translation>Máy chủ từ chối một bản ghi; bản ghi vẫn được giữ trên thiết bị. Hãy mở ra và kiểm tra các trường.</translation>
    </message>
    <message>
        <source>The server address looks wrong, or the server answered something unexpected.</source>
        <translation>Địa chỉ máy chủ có vẻ sai, hoặc máy chủ trả lời không như mong đợi.</translation>
    </message>
    <message>
        <source>The data on this device could not be written (is the device full?).</source>
        <translation>Không ghi được dữ liệu trên thiết bị (bộ nhớ đã đầy?).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Đang kết nối…</translation>
    </message>
    <message>
        <source>Sending changes…</source>
        <translation>Đang gửi thay đổi…</translation>
    </message>
    <message>
        <source>Receiving changes…</source>
        <translation>Đang nhận thay đổi…</translation>
    </message>
    <message>
        <source>Sending photos and files…</source>
        <translation>Đang gửi ảnh và tệp…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>This file is not on this device yet. Sign in to download it from your department&apos;s server.</source>
        <translation>Tệp này chưa có trên thiết bị. Hãy đăng nhập để tải về từ máy chủ của cơ quan.</translation>
    </message>
    <message>
        <source>No connection to the server. Try again when the device is online.</source>
        <translation>Không kết nối được máy chủ. Hãy thử lại khi thiết bị có mạng.</translation>
    </message>
    <message>
        <source>The file could not be downloaded. Try again later.</source>
        <translation>Không tải được tệp. Hãy thử lại sau.</translation>
    </message>
    <message>
        <source>The server&apos;s storage is full. Your changes are safe on this device and will be sent once your IT staff frees space; tell them.</source>
        <translation>Bộ nhớ của máy chủ đã đầy. Các thay đổi vẫn an toàn trên thiết bị này và sẽ được gửi khi bộ phận CNTT giải phóng dung lượng; hãy báo cho họ.</translation>
    </message>
</context>
<context>
    <name>SyncIndicator</name>
    <message numerus="yes">
        <source>Offline · %n change(s) waiting</source>
        <translation>
            <numerusform>Ngoại tuyến · %n thay đổi đang chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>Offline · all saved on this device</source>
        <translation>Ngoại tuyến · đã lưu hết trên thiết bị</translation>
    </message>
    <message numerus="yes">
        <source>Not signed in · %n change(s) kept on this device</source>
        <translation>
            <numerusform>Chưa đăng nhập · %n thay đổi lưu trên thiết bị</numerusform>
        </translation>
    </message>
    <message>
        <source>Not signed in · working offline</source>
        <translation>Chưa đăng nhập · làm việc ngoại tuyến</translation>
    </message>
    <message>
        <source>%1 %2/%3</source>
        <translation>%1 %2/%3</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting</source>
        <translation>
            <numerusform>%n thay đổi đang chờ gửi</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Đã đồng bộ lúc %1</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>%1 — click to sync now</source>
        <translation>%1 — bấm để đồng bộ ngay</translation>
    </message>
    <message>
        <source>%1 — click to sign in</source>
        <translation>%1 — bấm để đăng nhập</translation>
    </message>
    <message>
        <source>Opens the sign-in</source>
        <translation>Mở phần đăng nhập</translation>
    </message>
    <message>
        <source>Syncs now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Hoàn tác xóa</translation>
    </message>
    <message>
        <source>Close message</source>
        <translation>Đóng thông báo</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <source>Choose a mission on the left, or create one.</source>
        <translation>Chọn một đoàn ở bên trái hoặc tạo đoàn mới.</translation>
    </message>
</context>
</TS>
