"""Vietnam rule set (`vn`), rule by rule, in Vietnamese.

Every rule has posts that must raise it and posts that must not, with near misses: look-alikes
("Quang cao 1m78", "QCVN", "nhất định"), the same words typed without diacritics, negations
("không chữa khỏi") and denials ("không phải quảng cáo"). Each post states the full set of rules
it raises, so a false alarm from any other rule fails too. Posts are written for these tests (not
taken from the rule examples or the corpus) and judged by docs/annotation/vn.md.
"""

from __future__ import annotations

import functools
import unicodedata

import pytest

from compliance import Checker, Origin, Post, load_rulesets
from compliance.sources.fields import post_from_fields

WARNING = "Thực phẩm này không phải là thuốc và không có tác dụng thay thế thuốc chữa bệnh."
WARNING_COMMA = "Thực phẩm này không phải là thuốc, không có tác dụng thay thế thuốc chữa bệnh."
WARNING_BARE = "Thuc pham nay khong phai la thuoc va khong co tac dung thay the thuoc chua benh."


@functools.cache
def _checker() -> Checker:
    return Checker(load_rulesets(("vn",)))


def _post(text: str, **fields: object) -> Post:
    return post_from_fields({"market": "vn", **fields, "text": text}, Origin("<test>"), default_id="<test>")


def rules_of(text: str, **fields: object) -> set[str]:
    return {f.rule for f in _checker().check(_post(text, **fields)).findings}


def case(name: str, text: str, expect: set[str], **fields: object):
    return pytest.param(text, fields, expect, id=name)


CASES = [
    # --- VN-01: a deal and no identification at all
    case("VN-01-paid-no-label", "Son tint mới màu cam đất lên môi tươi tắn lắm nè 💋 @hoaxinh.beauty", {"VN-01"},
         relationship="paid", language="vi"),
    case("VN-01-gifted-unaccented", "set nen thom @giolanh.home thom diu ca phong luon 🕯️ ai me mui go thi thu nha", {"VN-01"},
         relationship="gifted"),
    case("VN-01-code-shows-deal", "Váy linen đi biển mặc mát rượi 👗 nhập mã THUHA20 giảm 20% nha mọi người", {"VN-01"},
         language="vi"),
    case("VN-01-code-unaccented", "bo do tap yoga mac om dang lam 🧘 nhap ma MAIYOGA giam 10% nha", {"VN-01"}),
    case("VN-01-my-code", "Sữa hạt óc chó uống sáng no lâu 🥛 dùng mã giảm giá của mình ở link bio nha", {"VN-01"},
         language="vi"),
    case("VN-01-topic-ads-not-a-label", "Nghe nhạc cả ngày không bị quảng cáo chen ngang nhờ gói Premium của @nhacvui 🎧",
         {"VN-01"}, sponsored=True, language="vi"),
    case("VN-01-quang-height-not-a-label", "ootd dao pho 🧢 ban trai minh anh Quang cao 1m80 mac size XL vua in @gio.studio",
         {"VN-01"}, relationship="paid"),
    case("VN-01-clean-labelled", "Quảng cáo | Son tint mới màu cam đất lên môi tươi tắn lắm nè 💋", set(),
         relationship="paid", language="vi"),
    case("VN-01-clean-hashtag-unaccented", "#quangcao set nen thom @giolanh.home thom diu ca phong 🕯️", set(),
         relationship="gifted"),
    case("VN-01-clean-caps", "QUẢNG CÁO Váy linen đi biển mặc mát rượi 👗", set(), relationship="paid", language="vi"),
    case("VN-01-clean-sponsored-by", "Được tài trợ bởi @nhacvui 🎧 nghe nhạc cả ngày không bị gián đoạn", set(),
         sponsored=True, language="vi"),
    case("VN-01-clean-personal", "Váy linen tự mua ở chợ Bến Thành, mặc mát rượi 👗", set(), relationship="none", language="vi"),
    case("VN-01-clean-topic-no-deal", "Dạo này quảng cáo trên YouTube dài ghê, toàn 2 phút không bỏ qua được 😤", set(),
         language="vi"),
    case("VN-01-clean-admin-not-ad", "Ad ơi cho em hỏi shop còn size M không ạ", set(), language="vi"),
    case("VN-01-clean-dress-code", "Tiệc cưới tối nay dress code trắng đen nha cả nhà 🤍", set(), language="vi"),

    # --- VN-01B / VN-01C / VN-15: where the identification is
    case("VN-01B-label-on-line-3", "Đà Lạt mùa mưa 🌧️\nhomestay nhỏ xinh giữa đồi thông\n#quangcao @nhago.dalat", {"VN-01B"},
         relationship="paid", language="vi", platform="instagram"),
    case("VN-01B-after-tiktok-fold",
         "review chan that may say toc mini sac pin 2 tieng dung duoc ca tuan gio kho nhanh ma khong nong toc luon nha moi nguoi [Quang cao]",
         {"VN-01B"}, relationship="paid", platform="tiktok"),
    case("VN-01B-clean-first-line", "Quảng cáo | Đà Lạt mùa mưa 🌧️\nhomestay nhỏ xinh giữa đồi thông", set(),
         relationship="paid", language="vi", platform="instagram"),
    case("VN-01C-buried-in-tags", "Bánh mì chảo sáng chủ nhật 🍳 #saigon #banhmi #quangcao #anngon", {"VN-01C"},
         relationship="paid", language="vi", platform="x"),
    case("VN-01C-clean-first-token", "#quangcao #saigon #banhmi Bánh mì chảo sáng chủ nhật 🍳", set(),
         relationship="paid", language="vi", platform="x"),
    case("VN-15-pointer-to-bio", "Máy lọc không khí chạy êm ru 🌬️ thông tin tài trợ ở bio nha", {"VN-15"},
         language="vi"),
    case("VN-15-clean-shop-call", "Quảng cáo | Máy lọc không khí chạy êm ru 🌬️ link ở bio nha", set(), language="vi"),

    # --- VN-03: abbreviated, vague or disguised identification
    case("VN-03-qc-hashtag", "#qc Kem nền mỏng nhẹ che phủ tốt 💄", {"VN-03"}, relationship="paid", language="vi"),
    case("VN-03-qc-leading", "QC | Kem nền mỏng nhẹ che phủ tốt 💄", {"VN-03"}, relationship="paid", language="vi"),
    case("VN-03-hop-tac-unaccented", "hop tac cung @gomsu.bat 🍵 bo chen dia men ran dep xiu #hoptac", {"VN-03"},
         sponsored=True),
    case("VN-03-chia-se-tag", "Nước tẩy trang dịu nhẹ, lau 1 lần là sạch 🫧 #chiasẻ #recommend", {"VN-03"},
         relationship="paid", language="vi"),
    case("VN-03-thanks-brand", "Hộp bánh trung thu xinh quá, cám ơn @banhnhadan nhiều nha 🥮", {"VN-03"},
         relationship="gifted", language="vi"),
    case("VN-03-gift-statement", "Được @banhnhadan gửi tặng hộp bánh trung thu 🥮 nhân trà xanh ngon lắm", {"VN-03"},
         relationship="gifted", language="vi"),
    case("VN-03-q-dot-c", "Q.C nha 🙈 giày chạy bộ êm chân lắm", {"VN-03"}, relationship="paid", language="vi"),
    case("VN-03-zero-width", "#quang\u200bcao giày chạy bộ êm chân lắm", {"VN-03"}, relationship="paid", language="vi"),
    case("VN-03-cyrillic-o", "#quangca\u043e giày chạy bộ êm chân lắm", {"VN-03"}, relationship="paid", language="vi"),
    case("VN-03-cyrillic-with-diacritics", "#quảngcá\u043e giày chạy bộ êm chân lắm", {"VN-03"}, relationship="paid",
         language="vi"),
    case("VN-03-clean-vague-beside-label", "Quảng cáo | #hoptac cùng @gomsu.bat 🍵 bộ chén đĩa men rạn", set(),
         sponsored=True, language="vi"),
    case("VN-03-clean-qcvn", "Quảng cáo | Mũ bảo hiểm đạt chuẩn QCVN 2:2021, đi phố yên tâm 🛵", set(),
         relationship="paid", language="vi"),
    case("VN-03-clean-review-no-deal", "Nước tẩy trang dịu nhẹ, lau 1 lần là sạch 🫧 #review", set(), language="vi"),

    # --- VN-03B: only a foreign label on a Vietnamese post
    case("VN-03B-only-ad", "#ad Nước tẩy trang dịu nhẹ, lau một lần là sạch hết lớp trang điểm 🫧", {"VN-03B"},
         relationship="paid", language="vi"),
    case("VN-03B-only-paid-partnership", "Paid partnership with @gomsu.bat 🍵 bộ chén đĩa men rạn xinh xỉu", {"VN-03B"},
         language="vi"),
    case("VN-03B-detected-unaccented", "#sponsored sua rua mat nay dung thich lam nha moi nguoi oi, da minh mem hon nhieu luon",
         {"VN-03B"}, relationship="paid"),
    case("VN-03B-clean-both-labels", "#ad #quangcao Nước tẩy trang dịu nhẹ 🫧", set(), relationship="paid", language="vi"),
    case("VN-03B-clean-english-post", "#ad my go-to cleanser for humid Hanoi summers 🫧", set(), relationship="paid",
         language="en"),

    # --- VN-D-02: a denial of the deal
    case("VN-D-02-not-an-ad", "Không phải quảng cáo đâu nha, máy xay sinh tố @bepvui xay đá mịn lắm 🍓", {"VN-D-02"},
         relationship="gifted", language="vi"),
    case("VN-D-02-self-bought-unaccented", "may xay @bepvui xay da min lam, tui tu bo tien ra mua do 🍓", {"VN-D-02"},
         relationship="gifted"),
    case("VN-D-02-denial-spoils-label", "#quangcao Máy xay @bepvui xay đá mịn 🍓 nói thật chứ hông phải quảng cáo đâu",
         {"VN-D-02"}, relationship="paid", language="vi"),
    case("VN-D-02-hashtag", "Máy xay @bepvui xay đá mịn 🍓 #khongquangcao", {"VN-D-02"}, relationship="paid", language="vi"),
    case("VN-D-02-clean-no-deal", "Không phải quảng cáo đâu nha, máy xay này tui tự mua 🍓", set(), relationship="none",
         language="vi"),
    case("VN-D-02-clean-ad-free-app", "Quảng cáo | Gói Premium nghe nhạc không quảng cáo của @nhacvui 🎧", set(),
         sponsored=True, language="vi"),

    # --- Health-protection foods: VN-06 (phrase), VN-07 (warning)
    case("VN-06-07-neither", "Quảng cáo | Viên uống bổ mắt @matsang cho dân văn phòng 👀", {"VN-06", "VN-07"},
         relationship="paid", language="vi"),
    case("VN-06-functional-food-is-not-the-phrase", f"Quảng cáo | Thực phẩm chức năng bổ gan @ganvui 🌿 {WARNING}", {"VN-06"},
         relationship="paid", language="vi"),
    case("VN-07-truncated-warning", "Quảng cáo | Men vi sinh @bungvui – thực phẩm bảo vệ sức khỏe. Thực phẩm này không phải là thuốc.",
         {"VN-07"}, relationship="paid", language="vi"),
    case("VN-07-casual-paraphrase", "#quangcao vien sui @dekhang - thuc pham bao ve suc khoe 🍊 ko phai thuoc dau nha", {"VN-07"},
         relationship="paid"),
    case("VN-06-07-brand-channel", "Collagen dạng nước Sương Sớm 🍑 mỗi sáng một chai", {"VN-06", "VN-07"},
         relationship="advertiser", language="vi"),
    case("VN-06-07-clean-complete", f"Quảng cáo | Men vi sinh @bungvui – Thực phẩm bảo vệ sức khỏe, hỗ trợ tiêu hóa. {WARNING}", set(),
         relationship="paid", language="vi"),
    case("VN-06-07-clean-comma-form", f"Quảng cáo | Viên sủi @dekhang – thực phẩm bảo vệ sức khoẻ 🍊 {WARNING_COMMA}", set(),
         relationship="paid", language="vi"),
    case("VN-06-07-clean-unaccented", f"#quangcao vien sui @dekhang - thuc pham bao ve suc khoe 🍊 {WARNING_BARE}", set(),
         relationship="paid"),
    case("VN-06-07-clean-personal", "Mình tự mua men vi sinh uống thấy bụng dễ chịu hơn", set(), relationship="none", language="vi"),
    case("VN-06-07-clean-not-health-food", "Quảng cáo | Bộ chén gốm men lam, 6 cái một hộp 🍵", set(), relationship="paid",
         language="vi"),

    # --- VN-09: presented as a medicine or a cure
    case("VN-09-cures-diabetes", f"Quảng cáo | Thực phẩm bảo vệ sức khỏe @duongxanh. Dì mình uống 2 tháng khỏi hẳn tiểu đường. {WARNING}",
         {"VN-09"}, relationship="paid", language="vi"),
    case("VN-09-unaccented-cure", "Quang cao | tra thao moc nay uong 1 thang la chua khoi mat ngu luon", {"VN-09"},
         relationship="paid"),
    case("VN-09-replaces-medicine", "Quảng cáo | Trà gừng mật ong uống đều thì không cần dùng thuốc nữa 🍯", {"VN-09"},
         relationship="paid", language="vi"),
    case("VN-09-wonder-drug-hashtag", "Quảng cáo | Trà thảo mộc @thaomoc 🌿 #thanduoc", {"VN-09"}, relationship="paid",
         language="vi"),
    case("VN-09-narrated-cure", "Quảng cáo | Mẹ mình bị mỡ máu, uống trà @thaomoc.vn 3 tháng đi khám lại chỉ số biến mất luôn",
         {"VN-09"}, relationship="paid", language="vi"),
    case("VN-09-clean-negated", "Quảng cáo | Trà thảo mộc @thaomoc không chữa khỏi bệnh gì đâu, uống cho ấm bụng 🌿", set(),
         relationship="paid", language="vi"),
    case("VN-09-clean-not-wonder-drug", "Quảng cáo | Trà thảo mộc @thaomoc ko phải thần dược nha, uống cho thư giãn 🌿", set(),
         relationship="paid", language="vi"),
    case("VN-09-clean-support-wording", "Quảng cáo | Trà thảo mộc hỗ trợ giấc ngủ ngon 🌿", set(), relationship="paid",
         language="vi"),
    case("VN-09-clean-warning-itself", f"Quảng cáo | Thực phẩm bảo vệ sức khỏe @duongxanh 🌿 {WARNING}", set(),
         relationship="paid", language="vi"),
    case("VN-09-clean-news", "Bộ Y tế cảnh báo quảng cáo thực phẩm chữa khỏi tiểu đường là sai sự thật", set(), language="vi"),
    case("VN-09-clean-healing-trip", "Quảng cáo | Chuyến đi chữa lành ở Mộc Châu cùng @homestay.moc 🌄", set(),
         relationship="paid", language="vi"),
    case("VN-09-clean-repair", "Quảng cáo | Tiệm sửa chữa điện thoại @fixnhanh lấy liền trong 30 phút 📱", set(),
         relationship="paid", language="vi"),
    case("VN-09-clean-quit-smoking", "Quảng cáo | Kẹo ngậm bạc hà the mát, mình bỏ thuốc lá được 3 tháng rồi", set(),
         relationship="paid", language="vi"),

    # --- VN-11: a cosmetic presented as a drug
    case("VN-11-treats-acne", "Quảng cáo | Serum @dalanh trị mụn ẩn sau 7 ngày ✨", {"VN-11"}, relationship="paid",
         language="vi"),
    case("VN-11-unaccented", "Quang cao | kem duong nay dieu tri viem da co dia cho be nha", {"VN-09", "VN-11"},
         relationship="paid"),
    case("VN-11-clean-cosmetic-effect", "Quảng cáo | Serum @dalanh làm dịu da, giảm mụn, mờ thâm, thấm nhanh ✨", set(),
         relationship="paid", language="vi"),
    case("VN-11-clean-value-not-treat", "Quảng cáo | Set quà kem dưỡng trị giá 500k tặng kèm đơn từ 299k ✨", set(),
         relationship="paid", language="vi"),

    # --- VN-13: guarantees and crash results
    case("VN-13-no-side-effects", "Quảng cáo | Kem body @trangmin dùng an toàn tuyệt đối cho da nhạy cảm ✨", {"VN-13"},
         relationship="paid", language="vi"),
    case("VN-13-crash-diet-unaccented", "#quangcao tra @eothon giam 5kg trong 1 tuan luon 😱", {"VN-13"}, relationship="paid"),
    case("VN-13-money-back", "Quảng cáo | Kem @trangmin hoàn tiền nếu không trắng sau 14 ngày", {"VN-13"},
         relationship="paid", language="vi"),
    case("VN-13-clean-slow-loss", "Quảng cáo | Trà @eothon uống kèm tập luyện, mình giảm 2kg trong 1 tháng", set(),
         relationship="paid", language="vi"),
    case("VN-13-clean-personal", "Giảm cân cấp tốc là không tốt đâu mọi người ơi, ăn uống điều độ thôi", set(),
         relationship="none", language="vi"),

    # --- VN-12: superlatives
    case("VN-12-best", "Quảng cáo | Nồi chiên @bepvui tốt nhất trong tầm giá 🍗", {"VN-12"}, relationship="paid",
         language="vi"),
    case("VN-12-number-one-unaccented", "Quang cao | kem chong nang so 1 cho da dau", {"VN-12"}, relationship="paid"),
    case("VN-12-top-1", "Quảng cáo | Quán lẩu top 1 Sài Gòn 🍲", {"VN-12"}, relationship="paid", language="vi"),
    case("VN-12-the-only", "Quảng cáo | Máy lọc nước duy nhất có 10 lõi lọc 💧", {"VN-12"}, relationship="paid", language="vi"),
    case("VN-12-clean-definitely", "Quảng cáo | Nhất định phải thử nồi chiên @bepvui 🍗", set(), relationship="paid",
         language="vi"),
    case("VN-12-clean-step-one", "Quảng cáo | Bước số 1 là làm sạch, ít nhất 2 lần mỗi ngày 🫧", set(), relationship="paid",
         language="vi"),
    case("VN-12-clean-first", "Quảng cáo | Thứ nhất, kem thấm nhanh; thứ hai, không bết 🫧", set(), relationship="paid",
         language="vi"),
    case("VN-12-clean-personal", "Quán lẩu ngon nhất Sài Gòn với mình luôn 🍲", set(), relationship="none", language="vi"),

    # --- VN-10: medical professionals used to present a product
    case("VN-10-pharmacist", "Quảng cáo | Dược sĩ Hạnh chia sẻ: men vi sinh @bungvui cho cả nhà", {"VN-06", "VN-07", "VN-10"},
         relationship="paid", language="vi"),
    case("VN-10-doctor-title", "Quảng cáo | BS. Minh giới thiệu kem dưỡng phục hồi @dalanh ✨", {"VN-10"}, relationship="paid",
         language="vi"),
    case("VN-10-white-coat", "#quangcao Mặc áo blouse trắng review kem chống nắng @mayxanh ☀️", {"VN-10"}, relationship="paid",
         language="vi"),
    case("VN-10-clean-consult-doctor", "Quảng cáo | Kem dưỡng @dalanh cho da nhạy cảm. Nên hỏi ý kiến bác sĩ nếu da đang điều trị.",
         set(), relationship="paid", language="vi"),
    case("VN-10-clean-not-regulated-product", "Quảng cáo | Tai nghe @songam đeo cả ca trực của bác sĩ cũng không đau tai 🎧",
         set(), relationship="paid", language="vi"),
    case("VN-10-clean-personal", "Ca trực ở bệnh viện dài quá, uống ly trà sữa cho tỉnh 🧋", set(), relationship="none",
         language="vi"),
]


@pytest.mark.parametrize(("text", "fields", "expect"), CASES)
def test_rules(text: str, fields: dict[str, object], expect: set[str]) -> None:
    assert rules_of(text, **fields) == expect


VIDEO_CASES = [
    case("VN-D-01-overlay-without-label", "Quảng cáo | 3 món ăn sáng 10 phút 🍳", {"VN-D-01"}, relationship="paid",
         language="vi", format="reel", overlay="ăn sáng 10 phút"),
    case("VN-D-01-clean-overlay-label", "Quảng cáo | 3 món ăn sáng 10 phút 🍳", set(), relationship="paid", language="vi",
         format="reel", overlay="Quảng cáo · ăn sáng 10 phút"),
    case("VN-D-01B-story-frame", "link ở bio", {"VN-D-01B"}, relationship="paid", language="vi", format="story",
         overlay=["#quangcao nồi chiên mới", "gà giòn rụm 🍗"]),
    case("VN-D-01B-clean-every-frame", "link ở bio", set(), relationship="paid", language="vi", format="story",
         overlay=["#quangcao nồi chiên mới", "#quangcao gà giòn rụm 🍗"]),
    case("VN-02B-never-said", "Quảng cáo | test máy sấy tóc", {"VN-02B"}, relationship="paid", language="vi", format="video",
         transcript="Chào mọi người, hôm nay mình test máy sấy tóc mini."),
    case("VN-02B-clean-said-particle", "Quảng cáo | test máy sấy tóc", set(), relationship="paid", language="vi", format="video",
         transcript="Quảng cáo nhé mọi người! Hôm nay mình test máy sấy tóc mini."),
    case("VN-02B-clean-sponsored-spoken", "Quảng cáo | test máy sấy tóc", set(), relationship="paid", language="vi",
         format="video", transcript="Video này được Gió Mát tài trợ nha. Hôm nay test máy sấy tóc mini."),
    case("VN-02C-said-late", "Quảng cáo | test máy sấy tóc", {"VN-02C"}, relationship="paid", language="vi", format="video",
         transcript=[{"start": 0, "text": "Hôm nay test máy sấy tóc mini."},
                     {"start": 40, "text": "À, video này là quảng cáo cho Gió Mát nha."}]),
    case("VN-02-live-said-once", "Quảng cáo | live xả kho", {"VN-02"}, relationship="paid", language="vi", format="live",
         transcript=[{"start": 0, "text": "Chào cả nhà, buổi live hôm nay là quảng cáo cho Bếp Vui."},
                     {"start": 1200, "text": "Mẫu nồi này chiên gà giòn lắm."},
                     {"start": 2400, "text": "Hẹn gặp lại cả nhà tối mai."}]),
    case("VN-02-clean-live-repeated", "Quảng cáo | live xả kho", set(), relationship="paid", language="vi", format="live",
         transcript=[{"start": 0, "text": "Chào cả nhà, buổi live hôm nay là quảng cáo cho Bếp Vui."},
                     {"start": 800, "text": "Nhắc lại: đây là buổi live quảng cáo cho Bếp Vui."},
                     {"start": 1600, "text": "Live quảng cáo cho Bếp Vui còn 20 suất giảm giá nha."},
                     {"start": 2400, "text": "Hẹn gặp lại cả nhà tối mai."}]),
    case("VN-08-warning-not-on-screen", f"Quảng cáo | Thực phẩm bảo vệ sức khỏe men vi sinh @bungvui. {WARNING}", {"VN-08"},
         relationship="paid", language="vi", format="short", overlay="Quảng cáo | men vi sinh cho cả nhà"),
    case("VN-08-clean-on-screen", f"Quảng cáo | Thực phẩm bảo vệ sức khỏe men vi sinh @bungvui. {WARNING}", set(),
         relationship="paid", language="vi", format="short", overlay=f"Quảng cáo | {WARNING}"),
]


@pytest.mark.parametrize(("text", "fields", "expect"), VIDEO_CASES)
def test_video_rules(text: str, fields: dict[str, object], expect: set[str]) -> None:
    assert rules_of(text, **fields) == expect


def test_nfc_and_nfd_labels_agree_on_missing() -> None:
    """A label typed with combining marks (NFD) is a label: the post is not reported as missing one."""
    text = unicodedata.normalize("NFD", "Quảng cáo | Son tint mới màu cam đất 💋")
    assert "VN-01" not in rules_of(text, relationship="paid", language="vi")


def test_nfd_statements_are_plain() -> None:
    """Decomposed accents ("Unicode tổ hợp" keyboards) are spelling, not a disguise: a complete
    health-food ad typed that way raises nothing."""
    text = unicodedata.normalize("NFD", f"Quảng cáo | Thực phẩm bảo vệ sức khỏe men vi sinh @bungvui. {WARNING}")
    assert rules_of(text, relationship="paid", language="vi") == set()


def test_fix_inserts_the_vietnamese_label() -> None:
    findings = _checker().check(_post("Son tint màu cam đất 💋", relationship="paid", language="vi")).findings
    (finding,) = [f for f in findings if f.rule == "VN-01"]
    assert finding.fix is not None and finding.fix.replacement == "Quảng cáo | "


def test_findings_point_at_the_words() -> None:
    text = "Quảng cáo | Trà @thaomoc chữa khỏi mất ngủ luôn 🌿"
    (finding,) = _checker().check(_post(text, relationship="paid", language="vi")).findings
    assert (finding.rule, text[finding.start:finding.end]) == ("VN-09", "chữa khỏi")


def test_vietnam_only() -> None:
    """The set covers Vietnam: a US post is not its business."""
    ruleset = load_rulesets(("vn",))[0]
    assert ruleset.markets == ("vn",) and ruleset.preferred_label == "Quảng cáo |"
