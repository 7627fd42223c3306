using System.Security.Cryptography;
using System.Text;

namespace Waishi.Web.Platform.Documents;

/// <summary>
/// Verification codes: 12 random characters of Crockford's base32 (60 bits, no I, L, O or U), shown
/// in groups of four ("7K3M-Q9TX-2HBD"). Reading forgives case, spaces, dashes and the letters
/// people confuse with digits (O→0, I and L→1).
/// </summary>
public static class VerificationCode
{
    public const int Length = 12;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(Length);
        foreach (var b in random)
        {
            // 256 is a multiple of 32: taking the low five bits keeps every character equally likely.
            code.Append(Alphabet[b & 31]);
        }
        return code.ToString();
    }

    /// <summary>"7K3MQ9TX2HBD" as "7K3M-Q9TX-2HBD".</summary>
    public static string Format(string code) =>
        code.Length == Length ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    /// <summary>The stored form of what someone typed, or null when it cannot be a code.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var code = new StringBuilder(Length);
        foreach (var c in typed.Trim().ToUpperInvariant())
        {
            if (c is '-' or ' ')
            {
                continue;
            }
            var read = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(read) || code.Length == Length)
            {
                return null;
            }
            code.Append(read);
        }
        return code.Length == Length ? code.ToString() : null;
    }
}
