using Waishi.Web.Platform.Documents;

namespace Waishi.Tests.Platform.Documents;

public sealed class VerificationCodeTests
{
    [Fact]
    public void New_codes_are_twelve_characters_of_Crockford_base32_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        // Every character of the alphabet turns up: the codes use all 60 bits.
        Assert.Equal(32, codes.SelectMany(c => c).Distinct().Count());
    }

    [Fact]
    public void Codes_are_shown_in_groups_of_four()
    {
        Assert.Equal("7K3M-Q9TX-2HBD", VerificationCode.Format("7K3MQ9TX2HBD"));
    }

    [Theory]
    [InlineData("7K3M-Q9TX-2HBD", "7K3MQ9TX2HBD")]
    [InlineData(" 7k3m q9tx 2hbd ", "7K3MQ9TX2HBD")]
    [InlineData("OIL0-Q9TX-2HBD", "0110Q9TX2HBD")]
    [InlineData("7K3M-Q9TX-2HB", null)]
    [InlineData("7K3M-Q9TX-2HBDX", null)]
    [InlineData("7K3M-Q9TX-2HB!", null)]
    [InlineData("7K3M-Q9TX-2HBU", null)]
    [InlineData("", null)]
    public void Typed_codes_forgive_case_separators_and_look_alike_letters(string typed, string? stored)
    {
        Assert.Equal(stored, VerificationCode.Normalize(typed));
    }
}
