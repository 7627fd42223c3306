using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>Helpers of the profile tests: the bundled ASPI tracker, imported into a tenant.</summary>
public static class ProfileData
{
    public const string Officer = "cqu.security-officer";
    public const string AcademyUuid = "6ba88ae5-8be1-44cb-bfba-0a01a1309dad";

    public static async Task<Guid> TenantAsync(AppFactory app, string code = "CQU") =>
        await app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    public static JsonObject Tracker()
    {
        using var stream = AspiImportCommand.OpenBundled();
        return JsonNode.Parse(stream)!.AsObject();
    }

    public static Stream Stream(JsonObject tracker) => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(tracker.ToJsonString()));

    public static Task<AspiImportReport> ImportAsync(AppFactory app, Guid tenant, JsonObject? tracker = null) =>
        app.WithDbAsync(async db =>
        {
            await using var stream = tracker is null ? AspiImportCommand.OpenBundled() : Stream(tracker);
            return await new AspiImporter(db, TimeProvider.System).ImportAsync(stream, tenant);
        });
}
