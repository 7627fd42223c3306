using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Tests.Support;
using Waishi.Web.Features.DueDiligence.Watchlists;

namespace Waishi.Tests.Features.DueDiligence;

/// <summary>A small list in the layout of the US Consolidated Screening List CSV, and helpers to import it.</summary>
public static class WatchlistData
{
    public const string CslHeader =
        "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";

    public static string Row(string id, string source, string programs, string name, string addresses, string start, string end, string altNames, string remarks = "") =>
        $"{id},\"{source}\",,Entity,\"{programs}\",\"{name}\",,\"{addresses}\",85 FR 34495,{start},{end},,For all items subject to the EAR,Presumption of denial,,,,,,,\"{remarks}\",https://example.gov/list,\"{altNames}\",,,,,,";

    public static readonly string[] CslRows =
    [
        Row("e1", "Entity List (EL) - Bureau of Industry and Security", "", "Harbin Institute of Technology",
            "92 West Dazhi Street, Nangang District, Harbin, Heilongjiang, 150001, CN", "2020-06-05", "",
            "Harbin Gongye Daxue; HIT; 哈尔滨工业大学"),
        Row("e2", "Entity List (EL) - Bureau of Industry and Security", "", "Northwestern Polytechnical University",
            "127 West Youyi Road, Xi'an, Shaanxi, CN", "2001-05-21", "", "NWPU; Northwest Polytechnical University"),
        Row("e3", "Unverified List (UVL) - Bureau of Industry and Security", "", "Example Optics Trading Co., Ltd.",
            "Room 1201, Tower B, Shenzhen, Guangdong, CN", "2019-04-11", "2021-04-11", "Example Optics"),
        Row("e4", "Specially Designated Nationals (SDN) - Treasury Department", "SDGT; IRAN", "Sample Shipping Company",
            "Tehran, IR", "2018-11-05", "", "Sample Shipping Co; SSC", "Vessel operator"),
    ];

    public static Stream Csv(IEnumerable<string> rows) =>
        new MemoryStream(Encoding.UTF8.GetBytes(CslHeader + "\n" + string.Join("\n", rows) + "\n"));

    public static Task<Guid> ListAsync(AppFactory app, Guid tenant, string name = "US Consolidated Screening List", WatchlistMapping? mapping = null) =>
        app.WithDbAsync(async db =>
        {
            var list = new Watchlist { TenantId = tenant, Name = name, CreatedUtc = DateTime.UtcNow, MappingJson = mapping?.ToJson() };
            db.Add(list);
            await db.SaveChangesAsync();
            return list.Id;
        });

    public static Task<WatchlistImportResult> ImportAsync(AppFactory app, Guid listId, Stream file, string fileName = "consolidated.csv", WatchlistMapping? mapping = null) =>
        app.WithDbAsync(async db =>
        {
            var list = await db.Set<Watchlist>().SingleAsync(w => w.Id == listId);
            return await new WatchlistImporter(db, TimeProvider.System).ImportAsync(list, file, fileName, mapping ?? WatchlistMapping.FromJson(list.MappingJson), "test");
        });
}
