#include "common/json_text.hpp"

#include <limits>

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace motcua {
namespace {

TEST(JsonText, WritesDoublesAsIntegersOrPlainDecimals) {
    const boost::json::object json{{"score", 18.0},          {"ratio", 81.82},   {"zero", 0.0},
                                   {"small", 1e-7},          {"negative", -2.5}, {"count", 7},
                                   {"big", 12345678901234.0}};
    EXPECT_EQ(ToJsonText(json),
              R"({"score":18,"ratio":81.82,"zero":0,"small":0.0000001,"negative":-2.5,)"
              R"("count":7,"big":12345678901234})");
    EXPECT_EQ(ToJsonText(std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonText, ReadsBackAsTheSameValue) {
    const boost::json::value json = {
        {"name", "Nguyễn Văn An"},
        {"quote", "say \"hi\"\\ \n\t\r\b\f\x01\x1f"},
        {"list", {1, -2, 0.1, 1.0 / 3.0, nullptr, true, false}},
        {"nested", {{"empty", boost::json::object{}}, {"none", boost::json::array{}}}},
        {"huge", std::numeric_limits<std::uint64_t>::max()},
    };
    const auto text = ToJsonText(json);
    auto parsed = boost::json::parse(text);
    EXPECT_EQ(parsed.at("name"), json.at("name"));
    EXPECT_EQ(parsed.at("quote"), json.at("quote"));
    EXPECT_EQ(parsed.at("nested"), json.at("nested"));
    EXPECT_EQ(parsed.at("huge"), json.at("huge"));
    const auto& list = parsed.at("list").as_array();
    EXPECT_EQ(list.at(2).to_number<double>(), 0.1);
    EXPECT_EQ(list.at(3).to_number<double>(), 1.0 / 3.0);
    EXPECT_NE(text.find(R"(\u0001\u001f)"), std::string::npos);
    EXPECT_EQ(text.find('E'), std::string::npos);
}

// Strings are copied eight bytes at a time until a byte needs an escape: every byte value at every
// position of a word, and in the tail, must come out as Boost.JSON writes it.
TEST(JsonText, EscapesEveryByteWhereverItStands) {
    const std::string base = "Thủ tục hành chính";  // 24 bytes: three words, then a tail
    for (int byte = 0; byte < 256; ++byte) {
        for (std::size_t position = 0; position <= base.size(); ++position) {
            std::string text = base;
            text.insert(position, 1, static_cast<char>(byte));
            const boost::json::value json = boost::json::string(text);
            ASSERT_EQ(ToJsonText(json), boost::json::serialize(json))
                << "byte " << byte << " at " << position;
        }
    }
}

}  // namespace
}  // namespace motcua
