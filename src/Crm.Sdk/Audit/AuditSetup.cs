using Crm.Sdk.Security;

namespace Crm.Sdk.Audit;

/// <summary>What the store needs to write the audit trail: the options, and the access policy (resolved lazily: it depends on the store).</summary>
/// <param name="Options">The audit trail's options.</param>
/// <param name="Policy">Returns the access policy.</param>
internal sealed record AuditSetup(AuditTrailOptions Options, Func<AccessPolicy> Policy);
