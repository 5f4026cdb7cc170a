namespace Crm.Sdk.Interactions;

/// <summary>The medium through which an interaction happened.</summary>
public enum InteractionChannel
{
    /// <summary>Email.</summary>
    Email,

    /// <summary>Telephone (landline, mobile or VoIP).</summary>
    Phone,

    /// <summary>Chat or instant messaging.</summary>
    Chat,

    /// <summary>Face to face.</summary>
    InPerson,

    /// <summary>A web site.</summary>
    Web,

    /// <summary>A mobile application.</summary>
    Mobile,

    /// <summary>A physical store or point of sale.</summary>
    Store,

    /// <summary>A social network.</summary>
    Social,

    /// <summary>Any other channel.</summary>
    Other,
}
