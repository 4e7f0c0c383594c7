package scot.pace.returns;

/**
 * A return, or one of its files, that cannot be read at all: the whole return is set aside and
 * the other returns go on.
 *
 * @param returnName the folder or zip name, e.g. {@code S12000033_2019}
 * @param path the file or folder at fault
 * @param reason what is wrong and what to do, in words an analyst can act on
 */
public record ReturnProblem(String returnName, String path, String reason) {

  public String message() {
    return path + ": " + reason;
  }
}
