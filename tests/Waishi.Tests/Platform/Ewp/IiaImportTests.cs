using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Waishi.Tests.Support;
using Waishi.Web;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Tests.Platform.Ewp;

public class IiaImportTests
{
    [Fact]
    public void The_partner_is_found_by_our_hei_id_and_its_iia_id_is_the_one_to_link()
    {
        // hibo.no imports the agreement uw.edu.pl serves.
        var result = IiaImport.Read(EwpFiles.Example, "HIBO.no");

        Assert.True(result.Ok, string.Join("\n", result.Errors));
        var view = Assert.Single(result.Agreements).View;
        Assert.Equal("uw.edu.pl", view.Them.HeiId);
        Assert.Equal("0f7a5682-faf7-49a7-9cc7-ec486c49a281", view.TheirIiaId);
        Assert.Equal("1954991", view.OurIiaIdAsTheyKnowIt);
        Assert.True(view.LinksTo("1954991"));
        Assert.Equal(3, view.Incoming.Count());
        Assert.Equal(2, view.Outgoing.Count());
    }

    [Fact]
    public void A_file_with_a_wrong_hash_is_not_importable()
    {
        var result = IiaImport.Read(EwpFiles.WrongHash, "hibo.no");

        Assert.False(result.Ok);
        var error = Assert.Single(result.Errors);
        Assert.Equal(EwpProblem.HashMismatch, error.Problem);
        Assert.Equal(EwpFiles.XsltKitHash, error.Detail);
        Assert.Equal("iia-hash", error.Element);
    }

    [Fact]
    public void An_agreement_we_are_not_part_of_or_an_invalid_file_is_refused()
    {
        var notOurs = IiaImport.Read(EwpFiles.Example, "bfsu.edu.cn");
        Assert.Equal(EwpProblem.NotOurAgreement, Assert.Single(notOurs.Errors).Problem);
        Assert.Empty(notOurs.Agreements);

        var invalid = IiaImport.Read(EwpFiles.Example.Replace("<in-effect>true</in-effect>", ""), "hibo.no");
        Assert.False(invalid.Ok);
        Assert.Equal(EwpProblem.Schema, Assert.Single(invalid.Errors).Problem);
    }

    [Fact]
    public async Task Problems_are_told_in_the_readers_language()
    {
        await using var app = await AppFactory.CreateAsync();
        var localizer = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var error = new EwpReadError(12, "iia", EwpProblem.NotOurAgreement, "bfsu.edu.cn");
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            Assert.Equal("本校（bfsu.edu.cn）不是此协议的合作方。", error.Describe(localizer));
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            Assert.Equal("Our institution (bfsu.edu.cn) is not a partner of this agreement.", error.Describe(localizer));
            Assert.Equal(error.Message, error.Describe(localizer));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
