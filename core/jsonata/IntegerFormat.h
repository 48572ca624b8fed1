#pragma once
// Integer pictures shared by $formatInteger/$parseInteger and the date/time components
// (XPath F&O 3.1 §4.6 fn:format-integer, as used by JSONata).
#include <optional>
#include <string>

namespace stepwise::jsonata {

struct IntegerPicture
{
    enum class Kind { Decimal, Letters, Roman, Words, Sequence } kind = Kind::Decimal;
    bool upper = false;
    bool title = false;
    bool ordinal = false;
    std::u32string primary;      // decimal digit pattern (after stripping modifiers)
    char32_t zero = U'0';
    int mandatoryDigits = 1;
};

// Throws EvalError D3130/D3131 for invalid pictures.
IntegerPicture analyseIntegerPicture(const std::u32string &picture);
std::string formatInteger(double value, const IntegerPicture &pic);
// nullopt when the text does not match the picture.
std::optional<double> parseInteger(const std::string &text, const IntegerPicture &pic);

std::string numberToWords(double value, bool ordinal);
std::optional<double> wordsToNumber(const std::string &text);
std::string toRoman(long long value);
long long fromRoman(const std::string &text);
std::string toLetters(long long value, char base);
double fromLetters(const std::string &text, char base);
char32_t zeroDigitOf(char32_t c); // 0 when c is not a decimal digit

} // namespace stepwise::jsonata
