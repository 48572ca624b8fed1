// States.Hash (ASL spec §5.3): lower-case hex digest through OpenSSL's EVP interface.
#include "core/intrinsics/ExpressionNode.h"
#include "core/intrinsics/JavaText.h"

#include <openssl/evp.h>

#include <array>

namespace stepwise::intrinsics {
namespace {

constexpr std::size_t kMaxHashInput = 10000;

const EVP_MD *digestFor(std::string_view algorithm)
{
    if (algorithm == "MD5")
        return EVP_md5();
    if (algorithm == "SHA-1")
        return EVP_sha1();
    if (algorithm == "SHA-256")
        return EVP_sha256();
    if (algorithm == "SHA-384")
        return EVP_sha384();
    if (algorithm == "SHA-512")
        return EVP_sha512();
    return nullptr;
}

} // namespace

Result<Json, std::string> fnHash(const Args &args, const EvalContext &, const ExpressionNode &call)
{
    if (!args[1].is_string())
        return unexpected(invalidArguments(call));
    const EVP_MD *digest = digestFor(args[1].get_ref<const std::string &>());
    if (digest == nullptr)
        return unexpected(invalidArguments(call));
    const std::string dumped =
        args[0].is_string() ? std::string()
                            : args[0].dump(-1, ' ', false, Json::error_handler_t::replace);
    const std::string_view data =
        args[0].is_string() ? std::string_view(args[0].get_ref<const std::string &>()) : dumped;
    if (utf16LongerThan(data, kMaxHashInput))
        return unexpected(invalidArguments(call));
    std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), out.data(), &length, digest, nullptr) != 1)
        return unexpected(invalidArguments(call));
    static constexpr char hex[] = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        text += hex[out[i] >> 4];
        text += hex[out[i] & 0xF];
    }
    return Json(std::move(text));
}

} // namespace stepwise::intrinsics
