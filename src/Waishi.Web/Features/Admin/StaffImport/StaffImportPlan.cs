using Microsoft.EntityFrameworkCore;
using Waishi.Web.Features.Organisation;
using Waishi.Web.Features.People;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Export;

namespace Waishi.Web.Features.Admin.StaffImport;

public enum ImportAction
{
    Add,
    Update,
    Unchanged,
}

/// <summary>One data row of the file: what it would do, or why it cannot.</summary>
public sealed class ImportRow
{
    public int Number { get; init; }
    public string? StaffNumber { get; init; }
    public string? Name { get; init; }
    public ImportAction Action { get; set; }
    /// <summary>Field (the entity property) and reason.</summary>
    public List<FieldError> Errors { get; } = [];
    internal StaffMember? Staff { get; set; }
    internal Guid? ExistingId { get; set; }
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// What importing a staff directory file would do: each row parsed, checked by the people rules,
/// and matched by staff number to an existing staff member (update) or none (add). Applying it
/// writes the valid rows in one save, which is one transaction.
/// </summary>
public sealed class StaffImportPlan
{
    public List<string> FileErrors { get; } = [];
    public List<ImportRow> Rows { get; } = [];
    public IReadOnlyCollection<string> MissingOptionalColumns { get; private set; } = [];

    public int ErrorCount => FileErrors.Count + Rows.Count(r => !r.IsValid);

    public static async Task<StaffImportPlan> BuildAsync(AppDbContext db, Stream content, string fileName, CancellationToken ct)
    {
        var plan = new StaffImportPlan();
        TabularData data;
        try
        {
            data = TabularReader.Read(content, fileName);
        }
        catch (TabularFormatException e)
        {
            plan.FileErrors.Add(e.Message);
            return plan;
        }
        var columns = StaffColumns.Map(data.Columns);
        foreach (var required in new[] { StaffColumns.StaffNumber, StaffColumns.NameZh })
        {
            if (!columns.ContainsKey(required))
            {
                plan.FileErrors.Add($"column:{required}");
            }
        }
        if (plan.FileErrors.Count > 0)
        {
            return plan;
        }
        plan.MissingOptionalColumns = [.. StaffColumns.All.Select(c => c.Field).Where(f => !columns.ContainsKey(f))];

        var units = await db.Set<OrgUnit>().AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, ct);
        var existing = await db.Set<StaffMember>().AsNoTracking().ToDictionaryAsync(s => s.StaffNumber, ct);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? Cell(TabularRow row, string field) => columns.TryGetValue(field, out var header) ? row[header] : null;
        bool Has(string field) => columns.ContainsKey(field);

        foreach (var row in data.Rows)
        {
            var number = Cell(row, StaffColumns.StaffNumber);
            var result = new ImportRow { Number = row.Number, StaffNumber = number, Name = Cell(row, StaffColumns.NameZh) };
            plan.Rows.Add(result);
            var current = number is null ? null : existing.GetValueOrDefault(number);
            var staff = current is null ? new StaffMember { StaffNumber = "", NameZh = "" } : Copy(current);
            staff.StaffNumber = number ?? "";
            staff.NameZh = Cell(row, StaffColumns.NameZh) ?? "";
            if (Has(StaffColumns.NameEn)) staff.NameEn = Cell(row, StaffColumns.NameEn);
            if (Has(StaffColumns.Title)) staff.Title = Cell(row, StaffColumns.Title);
            if (Has(StaffColumns.Email)) staff.Email = Cell(row, StaffColumns.Email);
            if (Has(StaffColumns.Phone)) staff.Phone = Cell(row, StaffColumns.Phone);
            if (Has(StaffColumns.Mobile)) staff.Mobile = Cell(row, StaffColumns.Mobile);
            if (Has(StaffColumns.Unit))
            {
                var code = Cell(row, StaffColumns.Unit);
                if (code is null)
                {
                    staff.UnitId = null;
                }
                else if (units.TryGetValue(code, out var unitId))
                {
                    staff.UnitId = unitId;
                }
                else
                {
                    result.Errors.Add(new(StaffColumns.Unit, "Unknown unit code {0}: use a code from the list of organisation units.", code));
                }
            }
            if (Has(StaffColumns.CadreLevel))
            {
                var text = Cell(row, StaffColumns.CadreLevel);
                if (StaffColumns.TryCadre(text, out var cadre))
                {
                    staff.CadreLevel = cadre;
                }
                else
                {
                    result.Errors.Add(new(StaffColumns.CadreLevel, "Unknown cadre level {0}: use 无, 科级, 副处级, 正处级, 副厅级 or 正厅级.", text!));
                }
            }
            if (Has(StaffColumns.IsClassified))
            {
                var text = Cell(row, StaffColumns.IsClassified);
                if (StaffColumns.TryYesNo(text, out var classified))
                {
                    staff.IsClassified = classified;
                }
                else
                {
                    result.Errors.Add(new(StaffColumns.IsClassified, "{0} is not yes or no: write 是 or 否.", text!));
                }
            }
            if (Has(StaffColumns.ClassifiedLevel))
            {
                var text = Cell(row, StaffColumns.ClassifiedLevel);
                if (StaffColumns.TryClassifiedLevel(text, out var level))
                {
                    staff.ClassifiedLevel = level;
                }
                else
                {
                    result.Errors.Add(new(StaffColumns.ClassifiedLevel, "Unknown classified level {0}: use 核心, 重要, 一般 or leave it empty.", text!));
                }
            }
            if (number is not null && seen.TryGetValue(number, out var firstRow))
            {
                result.Errors.Add(new(StaffColumns.StaffNumber, "Staff number {0} appears more than once in the file (first in row {1}).", number, firstRow));
            }
            else if (number is not null)
            {
                seen[number] = row.Number;
            }
            foreach (var error in await PeopleRules.ValidateAsync(db, staff, ct))
            {
                if (!result.Errors.Any(e => e.Field == error.Field))
                {
                    result.Errors.Add(error);
                }
            }
            result.Staff = staff;
            result.ExistingId = current?.Id;
            result.Action = current is null ? ImportAction.Add : Same(current, staff) ? ImportAction.Unchanged : ImportAction.Update;
        }
        return plan;
    }

    /// <summary>Writes the valid rows; the caller decides whether rows with errors may be left out.</summary>
    public async Task<(int Added, int Updated, int Unchanged)> ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        int added = 0, updated = 0, unchanged = 0;
        var ids = Rows.Where(r => r.IsValid && r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var tracked = await db.Set<StaffMember>().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var row in Rows.Where(r => r.IsValid))
        {
            var staff = row.Staff!;
            if (row.ExistingId is { } id)
            {
                if (row.Action == ImportAction.Unchanged)
                {
                    unchanged++;
                    continue;
                }
                var target = tracked[id];
                CopyInto(staff, target);
                updated++;
            }
            else
            {
                db.Add(staff);
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return (added, updated, unchanged);
    }

    private static StaffMember Copy(StaffMember s)
    {
        var copy = new StaffMember { StaffNumber = s.StaffNumber, NameZh = s.NameZh, Id = s.Id, TenantId = s.TenantId, Version = s.Version };
        CopyInto(s, copy);
        return copy;
    }

    private static void CopyInto(StaffMember from, StaffMember to)
    {
        to.StaffNumber = from.StaffNumber;
        to.NameZh = from.NameZh;
        to.NameEn = from.NameEn;
        to.UnitId = from.UnitId;
        to.Title = from.Title;
        to.CadreLevel = from.CadreLevel;
        to.IsClassified = from.IsClassified;
        to.ClassifiedLevel = from.ClassifiedLevel;
        to.Email = from.Email;
        to.Phone = from.Phone;
        to.Mobile = from.Mobile;
        to.IsActive = from.IsActive;
    }

    private static bool Same(StaffMember a, StaffMember b) =>
        a.NameZh == b.NameZh && a.NameEn == b.NameEn && a.UnitId == b.UnitId && a.Title == b.Title && a.CadreLevel == b.CadreLevel
        && a.IsClassified == b.IsClassified && a.ClassifiedLevel == b.ClassifiedLevel && a.Email == b.Email && a.Phone == b.Phone && a.Mobile == b.Mobile;
}
