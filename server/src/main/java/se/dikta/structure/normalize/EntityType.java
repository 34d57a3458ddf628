package se.dikta.structure.normalize;

/** Entity types recognised by the normalisation rules (the pipeline adds PERSON, ORGANIZATION and PLACE). */
public enum EntityType { DATE, TIME, AMOUNT, PERSONNUMMER, PHONE }
