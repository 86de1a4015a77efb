errcatSearch.terms("pe",[["pet",[1,5,6,6]],["pet-400",[0]],["pet-404",[4]],["pet-409",[8]],["pet-422",[12]],["pet-503",[16]],["petnametaken",[10]],["petnotfound",[6]],["pets",[2,6]]]);
