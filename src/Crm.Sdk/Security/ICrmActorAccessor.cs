namespace Crm.Sdk.Security;

/// <summary>
/// Tells the SDK who is acting now, the way <c>IHttpContextAccessor</c> tells who the request is from: ambient per request
/// or per job (an <see cref="AsyncLocal{T}"/> or the host's request context), never a parameter on every call. Register
/// one as a singleton before <c>AddAccessControl</c>. <see langword="null"/> means no one is acting, and every call is
/// denied (fail closed); background work of the host itself acts as <see cref="CrmActor.System"/>.
/// </summary>
public interface ICrmActorAccessor
{
    /// <summary>The current actor, or <see langword="null"/> when there is none.</summary>
    CrmActor? Current { get; }
}
