using Waishi.Web.Features.People;

namespace Waishi.Web.Features.Visas;

/// <summary>The fields of a visa as posted by the form or sent to the API.</summary>
public sealed class VisaInput
{
    /// <summary>The trip; read on create only (a visa stays with its trip).</summary>
    public Guid TripId { get; set; }
    public Guid StaffMemberId { get; set; }
    public string? CountryCode { get; set; }
    public string? VisaType { get; set; }
    public VisaStatus Status { get; set; } = VisaStatus.ToApply;
    public DateOnly? AppliedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Result { get; set; }
    public string? Notes { get; set; }
    public long Version { get; set; }

    public static VisaInput From(Visa v) => new()
    {
        TripId = v.TripId, StaffMemberId = v.StaffMemberId, CountryCode = v.CountryCode, VisaType = v.VisaType, Status = v.Status,
        AppliedOn = v.AppliedOn, DecidedOn = v.DecidedOn, Result = v.Result, Notes = v.Notes, Version = v.Version,
    };

    public void ApplyTo(Visa visa)
    {
        visa.StaffMemberId = StaffMemberId;
        visa.CountryCode = (CountryCode ?? "").Trim().ToUpperInvariant();
        visa.VisaType = TextFields.Optional(VisaType);
        visa.Status = Status;
        visa.AppliedOn = AppliedOn;
        visa.DecidedOn = DecidedOn;
        visa.Result = TextFields.Optional(Result);
        visa.Notes = TextFields.Optional(Notes);
    }
}
