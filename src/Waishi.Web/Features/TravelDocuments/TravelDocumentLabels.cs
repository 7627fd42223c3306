namespace Waishi.Web.Features.TravelDocuments;

/// <summary>The English names of the travel document enums; each is also the key of its translation.</summary>
public static class TravelDocumentLabels
{
    public static string Of(TravelDocumentType type) => type switch
    {
        TravelDocumentType.OfficialPassport => "Official passport",
        TravelDocumentType.OrdinaryPassport => "Ordinary passport",
        TravelDocumentType.HongKongMacaoPermit => "Hong Kong/Macao permit",
        TravelDocumentType.TaiwanPermit => "Taiwan permit",
        _ => type.ToString(),
    };

    public static string Of(TravelDocumentStatus status) => status switch
    {
        TravelDocumentStatus.InCustody => "In custody",
        TravelDocumentStatus.CheckedOut => "Checked out",
        TravelDocumentStatus.Overdue => "Return overdue",
        TravelDocumentStatus.Expired => "Expired",
        TravelDocumentStatus.Lost => "Lost",
        TravelDocumentStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    public static string Of(CustodyAction action) => action switch
    {
        CustodyAction.Registered => "Registered",
        CustodyAction.CheckedOut => "Checked out",
        CustodyAction.Returned => "Returned",
        CustodyAction.Lost => "Reported lost",
        CustodyAction.Cancelled => "Cancelled",
        _ => action.ToString(),
    };
}
