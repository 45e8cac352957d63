package com.labelmint.platform.jdbc;

import java.sql.Array;
import java.sql.SQLException;

/** PostgreSQL {@code float8[]} to and from Java's {@code double[]} (JDBC speaks boxed arrays only). */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }

    public static double[] doubles(Array array) throws SQLException {
        Double[] boxed = (Double[]) array.getArray();
        double[] values = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }
}
