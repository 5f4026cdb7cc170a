using System.Collections.Frozen;

namespace Crm.Sdk;

/// <summary>
/// The ISO 4217 alphabetic currency codes <see cref="Money"/> accepts, upper-case: every code of the standard's current
/// list (list one, including funds codes such as <c>CLF</c> and precious metals such as <c>XAU</c>), and the codes
/// withdrawn since 2007 that old transactions still carry (for example <c>HRK</c>, <c>LTL</c>, <c>VEF</c>, <c>ANG</c>),
/// so that history can be imported. Not accepted: <c>XXX</c> ("no currency") and codes never assigned, such as
/// <c>ZZZ</c>. Written from the ISO 4217 amendments up to number 179 (2025); add a code here when an amendment assigns one.
/// </summary>
internal static class CurrencyCodes
{
    private const string Current =
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
        "CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP " +
        "GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP " +
        "LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN " +
        "PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT " +
        "TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA XBB XBC XBD XCD XCG " +
        "XDR XOF XPD XPF XPT XSU XTS XUA YER ZAR ZMW ZWG";

    private const string WithdrawnSince2007 =
        "ANG BYR CUC CYP EEK GHC HRK LTL LVL MRO MTL MZM ROL SDD SIT SKK SLL STD TMM TRL VEB VEF YUM ZMK ZWD ZWL ZWR";

    /// <summary>Every accepted code.</summary>
    public static FrozenSet<string> All { get; } = (Current + " " + WithdrawnSince2007).Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether an upper-case text is an accepted code.</summary>
    public static bool IsAssigned(string code) => All.Contains(code);
}
