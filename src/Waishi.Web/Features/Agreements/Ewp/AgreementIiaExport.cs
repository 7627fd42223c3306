using System.Text;
using Microsoft.EntityFrameworkCore;
using Waishi.Web.Platform.Data;
using Waishi.Web.Platform.Ewp;

namespace Waishi.Web.Features.Agreements.Ewp;

public enum IiaExportStatus
{
    NotFound,
    /// <summary>The agreement lacks something EWP needs; the problems say what and where to fix it.</summary>
    Problems,
    /// <summary>What we wrote does not match the EWP schema: a bug of ours, logged, never served.</summary>
    Invalid,
    Ok,
}

public sealed record IiaExportOutcome(IiaExportStatus Status, IReadOnlyList<IiaExportProblem> Problems, string? Xml = null, string? FileName = null)
{
    public byte[] Bytes => new UTF8Encoding(false).GetBytes(Xml ?? "");
}

/// <summary>
/// Exports an agreement as an IIAs v7 get-response: maps it, writes it with its iia-hash, validates
/// it against the shipped schemas and only then gives it out. The first export stores our iia-id on
/// the agreement so that every later export (and the partner's copy) names the same id.
/// </summary>
public static class AgreementIiaExport
{
    public static async Task<IiaExportOutcome> ExportAsync(AppDbContext db, ILogger logger, Guid agreementId, CancellationToken ct)
    {
        var source = await AgreementIiaSource.LoadAsync(db, agreementId, ct);
        if (source is null)
        {
            return new IiaExportOutcome(IiaExportStatus.NotFound, []);
        }
        var mapped = AgreementIiaMapper.Map(source);
        if (!mapped.Ok)
        {
            return new IiaExportOutcome(IiaExportStatus.Problems, mapped.Problems);
        }
        var xml = IiaWriter.ToXml(mapped.Iia!);
        var invalid = EwpSchemas.ValidateIiaGetResponse(xml).Where(m => m.IsError).ToList();
        if (invalid.Count > 0)
        {
            logger.LogError("The IIA export of agreement {AgreementId} does not match the EWP schema: {Errors}",
                agreementId, string.Join("; ", invalid.Select(m => m.ToString())));
            return new IiaExportOutcome(IiaExportStatus.Invalid, []);
        }
        if (source.Agreement.EwpIiaId is null)
        {
            await AssignIiaIdAsync(db, agreementId, mapped.Iia!.Partner1.IiaId!, ct);
        }
        var name = source.Agreement.Number ?? mapped.Iia!.Partner1.IiaId!;
        return new IiaExportOutcome(IiaExportStatus.Ok, [], xml, $"iia-{SafeFileName(name)}.xml");
    }

    /// <summary>Stores the iia-id given at the first export; a concurrent edit is retried once (the id is the same).</summary>
    private static async Task AssignIiaIdAsync(AppDbContext db, Guid agreementId, string iiaId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var agreement = await db.Set<Agreement>().SingleAsync(a => a.Id == agreementId, ct);
            if (agreement.EwpIiaId is not null)
            {
                return;
            }
            agreement.EwpIiaId = iiaId;
            if (await db.TrySaveAsync(ct) is null)
            {
                return;
            }
            db.ChangeTracker.Clear();
        }
    }

    private static string SafeFileName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-')]);
}
