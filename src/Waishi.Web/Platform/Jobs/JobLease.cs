using Waishi.Web.Platform.Data;

namespace Waishi.Web.Platform.Jobs;

/// <summary>
/// One row per recurring job. An instance runs a due point only after moving
/// <see cref="LastDueUtc"/> forward with a conditional update while holding the lease, so across
/// any number of instances on one database each due point runs once.
/// </summary>
[NotAudited]
public sealed class JobLease
{
    public required string Name { get; set; }
    public string? Holder { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
    public DateTime? LastDueUtc { get; set; }
    public DateTime? LastStartedUtc { get; set; }
    public DateTime? LastFinishedUtc { get; set; }
    public string? LastError { get; set; }
    public long Runs { get; set; }
}
