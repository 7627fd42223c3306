using Microsoft.EntityFrameworkCore;
using System.Text.Json.Nodes;
using Waishi.Tests.Platform;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence;
using Waishi.Web.Features.DueDiligence.Profiles;
using Waishi.Web.Features.DueDiligence.Screening;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>The ASPI China Defence Universities Tracker import: every entry a profile, unrated, with its
/// Chinese names and coordinates; idempotent by uuid; a re-import never overwrites a reviewer's level.</summary>
public sealed class AspiImportTests
{
    [Fact]
    public async Task The_tracker_imports_159_unrated_profiles_with_Chinese_names_and_coordinates_and_a_second_import_changes_nothing()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);

        var first = await ProfileData.ImportAsync(app, tenant);
        Assert.Equal((159, 159, 0, 0, 0), (first.Read, first.Added, first.Changed, first.Unchanged, first.Malformed.Count));

        var profiles = await app.WithDbAsync(db => db.Set<InstitutionProfile>().Include(p => p.Addresses).Include(p => p.Sources)
            .Where(p => p.TenantId == tenant).ToListAsync());
        Assert.Equal(159, profiles.Count);
        Assert.All(profiles, p => Assert.Equal(RiskLevel.Unrated, p.RiskLevel));
        Assert.All(profiles, p => Assert.Equal("CN", p.CountryCode));
        Assert.All(profiles, p => Assert.NotEmpty(p.Sources));
        Assert.True(profiles.Count(p => p.NameZh is not null) >= 150, "Chinese names: " + profiles.Count(p => p.NameZh is not null));
        Assert.Equal(130, profiles.Count(p => p.Addresses.Any(a => a.Latitude is not null && a.Longitude is not null)));

        var academy = profiles.Single(p => p.ExternalUuid == ProfileData.AcademyUuid);
        Assert.Equal("Academy of Military Science", academy.NameEn);
        Assert.Equal("中国人民解放军军事科学院", academy.NameZh);
        Assert.Contains("AMS", InstitutionProfile.Lines(academy.Aliases));
        Assert.Equal(InstitutionCategory.Military, academy.Categories);
        Assert.Equal("Beijing", academy.City);
        Assert.Equal(40.006, academy.Addresses.Single().Latitude!.Value, 3);
        Assert.Contains("Central Military Commission (CMC)", academy.SupervisingAgencies);
        Assert.Contains("Quantum", InstitutionProfile.Lines(academy.ResearchTopics));
        Assert.Equal(7, profiles.Count(p => p.Categories.HasFlag(InstitutionCategory.SevenSons)));

        // The second tenant's due diligence is its own.
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<InstitutionProfile>().CountAsync(p => p.TenantId != tenant)));

        var second = await ProfileData.ImportAsync(app, tenant);
        Assert.Equal((0, 0, 159), (second.Added, second.Changed, second.Unchanged));
        Assert.Contains("0 added, 0 changed", second.ToString());
    }

    [Fact]
    public async Task A_changed_entry_updates_the_profile_but_keeps_the_reviewers_level_and_malformed_entries_are_reported_by_position()
    {
        await using var app = await AppFactory.CreateAsync();
        var tenant = await ProfileData.TenantAsync(app);
        await ProfileData.ImportAsync(app, tenant);
        var stampBefore = await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var p = await db.Set<InstitutionProfile>().SingleAsync(x => x.TenantId == tenant && x.ExternalUuid == ProfileData.AcademyUuid);
            p.RiskLevel = RiskLevel.VeryHigh;
            p.RiskRationale = "The PLA's top research body.";
            p.LastReviewedOn = new DateOnly(2026, 11, 1);
            p.ReviewerName = "Reviewer";
            await db.SaveChangesAsync();
        });

        var tracker = ProfileData.Tracker();
        var values = tracker["values"]!.AsArray();
        var academy = values.Single(v => (string?)v!["uuid"] == ProfileData.AcademyUuid)!;
        academy["meta"]!["aliases"]!.AsArray().Add("PLA Academy of Military Science");
        values.Add(new JsonObject { ["description"] = "no name and no uuid" });
        var report = await ProfileData.ImportAsync(app, tenant, tracker);
        Assert.Equal((0, 1, 158), (report.Added, report.Changed, report.Unchanged));
        var malformed = Assert.Single(report.Malformed);
        Assert.Equal(160, malformed.Position);

        var after = await app.WithDbAsync(db => db.Set<InstitutionProfile>().SingleAsync(x => x.TenantId == tenant && x.ExternalUuid == ProfileData.AcademyUuid));
        Assert.Contains("PLA Academy of Military Science", InstitutionProfile.Lines(after.Aliases));
        Assert.Equal(RiskLevel.VeryHigh, after.RiskLevel);
        Assert.Equal("The PLA's top research body.", after.RiskRationale);
        Assert.Equal(new DateOnly(2026, 11, 1), after.LastReviewedOn);
        Assert.True(await app.WithDbAsync(db => db.Set<DueDiligenceStamp>().Where(s => s.TenantId == tenant).Select(s => s.Value).SingleAsync()) > stampBefore);
    }

    [Fact]
    public async Task The_verb_imports_into_the_named_tenant_and_screening_entries_carry_the_Chinese_names()
    {
        await using var app = await AppFactory.CreateAsync();
        var first = await CliRunner.RunAsync(app.ConnectionString, "aspi-import", "bundled", "--tenant", "cqu");
        Assert.True(first.ExitCode == 0, first.Error + first.Output);
        Assert.Contains("159 read, 159 added, 0 changed, 0 unchanged, 0 malformed", first.Output);
        var second = await CliRunner.RunAsync(app.ConnectionString, "aspi-import", "bundled", "--tenant", "CQU");
        Assert.Contains("0 added, 0 changed, 159 unchanged", second.Output);
        var missing = await CliRunner.RunAsync(app.ConnectionString, "aspi-import", "nothing-here.json", "--tenant", "CQU");
        Assert.Equal(2, missing.ExitCode);

        var entries = await app.WithDbAsync(db => ScreeningEntries.LoadAsync(db, CancellationToken.None));
        var academy = entries.Single(e => e.PrimaryName == "Academy of Military Science");
        Assert.Equal(ScreeningSourceKind.Profile, academy.Kind);
        Assert.Equal("CN", academy.CountryCode);
        Assert.Contains(academy.Names, n => n.Text == "中国人民解放军军事科学院" && n.Language == "zh");
        Assert.Contains(academy.Names, n => n.Text == "AMS" && n.IsAcronym);
        Assert.Equal(159, entries.Count(e => e.Kind == ScreeningSourceKind.Profile));
    }

    [Fact]
    public async Task The_import_page_imports_the_bundled_tracker_and_reports_nothing_changed_the_second_time()
    {
        await using var app = await AppFactory.CreateAsync();
        var officer = await app.SignInAsync(ProfileData.Officer);
        var first = await officer.PostFormAsync("/DueDiligence/Profiles/Import", "/DueDiligence/Profiles/Import", new() { ["bundled"] = "true" });
        Assert.Contains("159 read, 159 added, 0 changed, 0 unchanged, 0 malformed.", await first.Content.ReadAsStringAsync());
        var second = await officer.PostFormAsync("/DueDiligence/Profiles/Import", "/DueDiligence/Profiles/Import", new() { ["bundled"] = "true" });
        Assert.Contains("0 added, 0 changed, 159 unchanged", await second.Content.ReadAsStringAsync());
        Assert.Contains("159 profile(s)", await officer.GetStringAsync("/DueDiligence/Profiles?Risk=Unrated"));
        Assert.Contains("中国人民解放军军事科学院", await officer.GetStringAsync("/DueDiligence/Profiles?Q=AMS"));

        // Another institution of the city sees none of them.
        var other = await app.SignInAsync("cqupt.security-officer");
        Assert.Contains("0 profile(s)", await other.GetStringAsync("/DueDiligence/Profiles"));
    }
}
