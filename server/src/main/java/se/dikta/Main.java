package se.dikta;
public final class Main { public static void main(String[] a) {} }
