using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waishi.Tests.Support;
using Waishi.Web.Platform.Documents;

namespace Waishi.Tests.Platform.Documents;

public sealed class CjkFontTests
{
    [Fact]
    public async Task The_font_restored_by_the_build_is_found_without_configuration()
    {
        await using var app = await AppFactory.CreateAsync();
        var font = app.Services.GetRequiredService<CjkFont>();

        Assert.Contains(font.Candidates(), File.Exists);
        Assert.StartsWith("Waishi ", font.Family);
    }

    [Fact]
    public void A_configured_path_that_does_not_exist_is_reported_with_the_setting_to_fix()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [CjkFont.ConfigKey] = "fonts/missing.ttf",
        }).Build();
        var environment = new TestEnvironment { ContentRootPath = Path.GetTempPath() };
        var font = new CjkFont(configuration, environment);

        var error = Assert.Throws<CjkFontMissingException>(() => font.Family);

        Assert.Contains("missing.ttf", error.Message);
        Assert.Contains(CjkFont.ConfigKey, error.Message);
        Assert.Single(font.Candidates());
    }

    private sealed class TestEnvironment : IWebHostEnvironment
    {
        public string WebRootPath { get; set; } = "";
        public Microsoft.Extensions.FileProviders.IFileProvider WebRootFileProvider { get; set; } = null!;
        public string ApplicationName { get; set; } = "Waishi.Web";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
        public string ContentRootPath { get; set; } = "";
        public string EnvironmentName { get; set; } = "Testing";
    }
}
