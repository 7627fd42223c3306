using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.Partners;
using Waishi.Web.Features.Projects;
using Waishi.Web.Platform.Tenancy;

namespace Waishi.Tests.Features.Projects;

/// <summary>Partners and projects inserted straight into a tenant, and request bodies for the API and the form.</summary>
public static class ProjectData
{
    public const string Officer = "cqu.officer-global";

    public static Task<Guid> TenantAsync(AppFactory app, string code = "CQU") =>
        app.WithDbAsync(db => db.Set<Tenant>().Where(t => t.Code == code).Select(t => t.Id).SingleAsync());

    public static async Task<Guid> PartnerAsync(AppFactory app, string nameEn, string country, string? nameZh = null, string tenantCode = "CQU")
    {
        var tenant = await TenantAsync(app, tenantCode);
        return await app.WithDbAsync(async db =>
        {
            var partner = new Partner { TenantId = tenant, NameEn = nameEn, NameZh = nameZh, CountryCode = country, Region = Partner.RegionOf(country) };
            partner.Index();
            db.Add(partner);
            await db.SaveChangesAsync();
            return partner.Id;
        });
    }

    public static Task<Guid> UnitAsync(AppFactory app, string tenantCode = "CQU") => app.WithDbAsync(async db =>
    {
        var tenant = await db.Set<Tenant>().Where(t => t.Code == tenantCode).Select(t => t.Id).SingleAsync();
        return await db.Set<OrgUnit>().Where(u => u.TenantId == tenant).OrderBy(u => u.Code).Select(u => u.Id).FirstAsync();
    });

    /// <summary>A project inserted directly, with its partners in order.</summary>
    public static async Task<Guid> ProjectAsync(AppFactory app, string title, Guid[] partners, ProjectKind kind = ProjectKind.JointResearch,
        ProjectStatus status = ProjectStatus.Active, DateOnly? start = null, DateOnly? end = null, Guid? unit = null, string tenantCode = "CQU")
    {
        var tenant = await TenantAsync(app, tenantCode);
        return await app.WithDbAsync(async db =>
        {
            var project = new CooperationProject
            {
                TenantId = tenant, TitleEn = title, Kind = kind, Status = status, StartOn = start ?? new DateOnly(2025, 1, 1), EndOn = end, UnitId = unit,
                CreatedUtc = DateTime.UtcNow,
            };
            project.Partners = [.. partners.Select((p, i) => new ProjectPartner { TenantId = tenant, ProjectId = project.Id, PartnerId = p, SortOrder = i })];
            db.Add(project);
            await db.SaveChangesAsync();
            return project.Id;
        });
    }

    public static Dictionary<string, object?> Body(Guid[] partners, params (string Key, object? Value)[] changes)
    {
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "JointLaboratory", ["titleEn"] = "Joint Laboratory of Advanced Materials", ["titleZh"] = "先进材料联合实验室",
            ["partnerIds"] = partners, ["fundingSource"] = "NSFC", ["amount"] = 1500000.00m, ["currency"] = "CNY",
            ["startOn"] = "2026-01-01", ["endOn"] = "2028-12-31", ["status"] = "Active", ["summary"] = "Materials for batteries.",
            ["investigators"] = new object[]
            {
                new { side = "Ours", name = "张三", title = "Professor" },
                new { side = "Partner", name = "Jane Smith", title = "Professor", email = "jane@example.ac.uk", partnerId = partners[0] },
            },
        };
        foreach (var (key, value) in changes)
        {
            body[key] = value;
        }
        return body;
    }

    public static Dictionary<string, string> Form(Guid[] partners, params (string Key, string Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["Form.Version"] = "0", ["Form.Kind"] = "JointResearch", ["Form.Status"] = "Active",
            ["Form.TitleEn"] = "Joint research on river ecology", ["Form.TitleZh"] = "河流生态联合研究",
            ["Form.StartOn"] = "2026-03-01", ["Form.EndOn"] = "2027-02-28", ["Form.FundingSource"] = "MOST", ["Form.Amount"] = "250000",
            ["Form.Currency"] = "cny",
            ["Form.Investigators[0].Side"] = "Ours", ["Form.Investigators[0].Name"] = "李四",
            ["Form.Investigators[1].Side"] = "Partner", ["Form.Investigators[1].Name"] = "Hans Müller",
            ["Form.Investigators[1].Email"] = "hans@example.de", ["Form.Investigators[1].PartnerId"] = partners.Length > 0 ? partners[0].ToString() : "",
        };
        for (var i = 0; i < partners.Length; i++)
        {
            form[$"Form.PartnerIds[{i}]"] = partners[i].ToString();
        }
        foreach (var (key, value) in changes)
        {
            form[key] = value;
        }
        return form;
    }
}
