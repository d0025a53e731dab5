package org.hotlock.kernel;

/** How a lock is held: exclusively (mutex, spinlock, write side) or shared (read side). */
public enum LockMode {
    WRITE("W"), READ("R");

    private final String letter;

    LockMode(String letter) {
        this.letter = letter;
    }

    public String letter() {
        return letter;
    }
}
