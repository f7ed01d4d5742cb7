namespace EasternSelect.Domain.Sampling;

/// <summary>Which edition's reduced table and normal-to-reduced rule apply.</summary>
public enum SamplingEdition
{
    /// <summary>MIL-STD-105E: reduced plans keep a gap between Ac and Re; Table VIII limit numbers.</summary>
    MilStd105E,

    /// <summary>ISO 2859-1:1999: reduced plans have Re = Ac + 1; the switching score.</summary>
    Iso2859_1_1999,
}
